import { Command, Option } from 'commander';
import { catalogue } from '../../actors/strategies/catalogue/catalogue.js';
import { describeStrategy } from '../../actors/strategies/catalogue/describe-strategy.js';
import { FAMILIES, WHERES, type Family, type Where } from '../../actors/strategies/catalogue/strategy-declaration.js';
import { strategiesListing } from './strategies-listing.js';
import type { CommandAbout } from './index.js';

export function register(program: Command, about: CommandAbout): void {
  program
    .command(about.name)
    .description(about.summary)
    .addOption(new Option('--family <family>', 'only the strategies of this allocation family').choices(FAMILIES))
    .addOption(new Option('--runs <where>', 'only the strategies that run here').choices(WHERES))
    .option('--json', 'print one JSON line: {"strategies": [...]}')
    .action((opts: { family?: Family; runs?: Where; json?: boolean }) => {
      const strategies = catalogue.filter((d) => (!opts.family || d.family === opts.family) && (!opts.runs || d.runs.includes(opts.runs))).map(describeStrategy);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ strategies })}\n`);
        return;
      }
      if (strategies.length === 0) {
        const filters = [opts.family && `in family ${opts.family}`, opts.runs && `that runs in ${opts.runs}`].filter(Boolean).join(' and ');
        process.stdout.write(`no strategy ${filters}; the catalogue: ${catalogue.map((d) => `${d.name} (${d.family}; ${d.runs.join(', ')})`).join(', ')}\n`);
        return;
      }
      process.stdout.write(strategiesListing(strategies));
    });
}
