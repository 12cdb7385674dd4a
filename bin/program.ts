import { Command } from 'commander';
import { commands } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('arbiter')
    .description('Headless trading agents: supervised actors, risk-vetoed orders, paper trading by default.')
    .showHelpAfterError()
    .exitOverride((err) => {
      // Commander's usage errors (unknown flag, missing value) exit 2, like a bad config.
      process.exit(err.exitCode === 0 ? 0 : 2);
    });
  for (const register of commands) register(program);
  return program;
}
