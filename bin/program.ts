import { Command } from 'commander';
import { commands, type CommandEntry } from './commands/index.js';

/** The command a command line names (`arbiter <name> …` or `arbiter help <name>`), if any. */
function named(args: readonly string[]): CommandEntry | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return commands.find((c) => c.name === name);
}

/**
 * The CLI. Only the command the line names is loaded in full; the others are listed by name and summary, which
 * is all the top-level help shows. `all` loads every command (for tests that read each command's help).
 */
export async function buildProgram(args: readonly string[] = process.argv.slice(2), all = false): Promise<Command> {
  const program = new Command()
    .name('arbiter')
    .description('Headless trading agents: supervised actors, risk-vetoed orders, paper trading by default.')
    .showHelpAfterError()
    .exitOverride((err) => {
      // Commander's usage errors (unknown flag, missing value) exit 2, like a bad config.
      process.exit(err.exitCode === 0 ? 0 : 2);
    });
  const wanted = named(args);
  for (const entry of commands) {
    if (all || entry === wanted) (await entry.load()).register(program, entry);
    else program.command(entry.name).description(entry.summary);
  }
  return program;
}
