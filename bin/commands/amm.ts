import type { Command } from 'commander';
import type { CommandAbout } from './index.js';
import { registerReplay } from './amm/replay.js';

/** `arbiter amm <subcommand>`: one file per subcommand under bin/commands/amm/. */
export function register(program: Command, about: CommandAbout): void {
  const amm = program.command(about.name).description(about.summary);
  registerReplay(amm);
}
