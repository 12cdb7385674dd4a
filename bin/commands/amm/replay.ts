import type { Command } from 'commander';
import { readPoolEvents } from '../../../actors/amm/v3/pool-events.js';
import { replayEvents, type ReplayReport } from '../../../actors/amm/v3/replay-events.js';
import { ArbiterError, InputError } from '../../../actors/runtime/errors.js';
import { columns } from '../../columns.js';
import { poolFee } from './pool-fee.js';

interface ReplayOpts {
  searchSplits?: boolean;
  events: string;
  fee?: string;
  json?: boolean;
}

function lines(file: string, fee: number, r: ReplayReport): string[] {
  const out = [
    `${file} (fee ${fee / 10_000}%): ${r.reproduced} of ${r.swaps} swaps reproduced exactly (amounts, sqrtPriceX96, tick, liquidity)`,
    ...columns(
      [
        ['exact input', String(r.byKind.exactIn)],
        ['exact output', String(r.byKind.exactOut)],
        ['price-limited', String(r.byKind.priceLimited)],
        ['mismatches', String(r.mismatches)],
        ['first crossings (net inferred)', String(r.inferredCrossings)],
        ['ticks inferred', String(r.ticksInferred)],
        ['swaps with unseparable ticks', String(r.unresolvedSwaps)],
        ['splits of their nets found', `${r.splits.found} of ${r.splits.searched}${r.splits.researched > 0 ? ` (${r.splits.researched} chosen again by a later swap)` : ''}`],
        ['mints/burns reproduced', `${r.positions.reproduced} of ${r.positions.replayed}`],
      ],
      { indent: '  ', right: (c) => c === 1 },
    ),
  ];
  const m = r.firstMismatch;
  if (m) out.push(`first mismatch: line ${m.line} (${m.transactionHash})${m.unknownTicks.length > 0 ? `, crossing ticks ${m.unknownTicks.join(', ')} whose nets the day does not separate` : ''}`);
  return out;
}

function execute(opts: ReplayOpts): void {
  const { fee, tickSpacing } = poolFee(opts.events, opts.fee);
  const events = readPoolEvents(opts.events);
  if (!events.some((e) => e.kind === 'SWAP')) throw new InputError(`${opts.events}: no SWAP row to start the replay from`);
  const report = replayEvents(events, { fee, tickSpacing, searchSplits: opts.searchSplits === true });
  process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${lines(opts.events, fee, report).join('\n')}\n`);
}

export function registerReplay(amm: Command): void {
  amm
    .command('replay')
    .description(
      'Replay a day of Uniswap V3 pool events (demeter-fetch CSV: SWAP, MINT, BURN, COLLECT) through our bigint V3 maths from the state ' +
        'after the first swap; each swap must reproduce the recorded amounts, sqrtPriceX96, tick and liquidity exactly',
    )
    .requiredOption('--events <csv>', 'pool event file, e.g. data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv')
    .option('--fee <pips>', "the pool's fee in hundredths of a bip (100, 500, 3000, 10000); read from the file name when absent")
    .option('--search-splits', 'for swaps crossing several ticks whose nets the day does not separate, search the split that reproduces them (slower; docs/amm.md)')
    .option('--json', 'print one JSON line: {"swaps","reproduced","mismatches","firstMismatch","byKind","inferredCrossings",...}')
    .action((opts: ReplayOpts) => {
      try {
        execute(opts);
      } catch (err) {
        if (err instanceof ArbiterError) {
          const issues = err instanceof InputError ? err.issues : [];
          process.stderr.write(`arbiter amm replay: ${[err.shortMessage, ...issues].join('; ')}\n`);
          process.exit(2);
        }
        throw err;
      }
    });
}
