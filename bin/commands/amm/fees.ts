import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readPoolEvents } from '../../../actors/amm/v3/pool-events.js';
import { lpDay } from '../../../actors/amm/lp/lp-day.js';
import { feeReport, poolFees, type FeeReport } from '../../../actors/amm/lp/fee-report.js';
import { ArbiterError, InputError } from '../../../actors/runtime/errors.js';
import { columns } from '../../columns.js';
import { poolFee } from './pool-fee.js';
import { positiveOption } from '../../positive-option.js';
import { checkOutputFile } from '../../output-file.js';
import { renderFeeReport } from '../../../actors/amm/lp/report/render-fee-report.js';

interface FeesOpts {
  events: string[];
  report?: string;
  depositUsd: number;
  halfWidthTicks: number;
  json?: boolean;
}

const pct = (f: number, digits = 3) => `${(f * 100).toFixed(digits)}%`;
const usd = (v: number) => `${v < 0 ? '−' : ''}$${Math.abs(v).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

function lines(r: FeeReport): string[] {
  const header = ['pool', 'tier', 'volume', 'fees (all LPs)', 'σ (annual)', 'utilisation/day', 'LP fees', 'IL', 'LVR', 'fees+IL', 'fees−LVR', 'advisor fee', 'advisor tier', 'seed formula'];
  const rows = r.pools.map((p) => [
    p.pool, pct(p.feeTier / 1_000_000, 2), usd(p.volumeUsd), usd(p.feesUsd), pct(p.volatility, 1), p.utilization.toFixed(2),
    usd(p.lpFeesUsd), usd(p.ilUsd), usd(p.lvrUsd), usd(p.lpNetUsd), usd(p.lpNetOfLvrUsd), pct(p.recommendedFee), pct(p.recommendedTier, 2), pct(p.seedFormulaFee, 2),
  ]);
  const first = r.pools[0];
  return [
    ...columns([header, ...rows], { right: (c) => c > 0 }),
    first ? `position: ${usd(first.position.depositUsd)} at the first swap, ±${first.position.tickUpper - (first.position.tickLower + first.position.tickUpper) / 2} ticks (${first.position.rangeUsd.map((v) => v.toFixed(0)).join('–')} $/ETH); IL against holding it; LVR against rebalancing its ETH at the pool's prices` : '',
    r.betterTier !== null ? `the ${pct(r.betterTier / 1_000_000, 2)} pool paid this position better that day` : '',
    r.advisorWouldChoose ? `the advisor (model fee, from ${r.advisorWouldChoose.from}'s flow) would choose ${pct(r.advisorWouldChoose.tier / 1_000_000, 2)}${r.betterTier !== null ? (r.advisorWouldChoose.agrees ? ': the better tier' : ': not the better tier') : ''}` : '',
  ].filter((l) => l !== '');
}

export function registerFees(amm: Command): void {
  amm
    .command('fees')
    .description(
      'A day of each pool replayed exactly: its volume, fees, volatility and utilisation; one hypothetical position per pool (same dollars, same range) with its fees, ' +
        'impermanent loss and loss-versus-rebalancing; the fee advisor\'s recommendation (fees on uninformed flow minus LVR with fees) beside the seed formula; which tier paid better',
    )
    .requiredOption('--events <csv...>', 'pool event files, one per pool (e.g. the 0.05% and 0.3% USDC/WETH days in data/dex/)')
    .option('--deposit-usd <usd>', 'the position opened at each pool\'s first swap', positiveOption('--deposit-usd'), 1_000_000)
    .option('--half-width-ticks <n>', 'the range: this many ticks either side of the opening tick (a multiple of every pool\'s tick spacing; 300 ≈ ±3%)', positiveOption('--half-width-ticks', true), 300)
    .option('--report <file.html>', 'also write one offline HTML file: per pool, price with the range, active liquidity, and the position\'s cumulative fees against LVR')
    .option('--json', 'one JSON line: {"pools":[{pool, feeTier, volumeUsd, feesUsd, volatility, utilization, lvrUsd, ilUsd, lpNetUsd, recommendedFee, seedFormulaFee, ...}], "betterTier", "advisorWouldChoose"}')
    .action((opts: FeesOpts) => {
      try {
        const { depositUsd, halfWidthTicks } = opts;
        if (opts.report) checkOutputFile(opts.report, '--report');
        const days = opts.events.map((file) => {
          const { fee, tickSpacing } = poolFee(file, undefined);
          if (!Number.isInteger(halfWidthTicks / tickSpacing)) throw new InputError(`--half-width-ticks ${halfWidthTicks}: not a multiple of ${file}'s tick spacing ${tickSpacing}`);
          return { file, day: lpDay(readPoolEvents(file), { fee, tickSpacing }, { depositUsd, halfWidthTicks }) };
        });
        const report = feeReport(days.map(({ file, day }) => poolFees(file, day)));
        if (opts.report) {
          writeFileSync(opts.report, renderFeeReport(report, days.map(({ day }) => day.samples)));
          process.stderr.write(`report written to ${opts.report}\n`);
        }
        process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${lines(report).join('\n')}\n`);
      } catch (err) {
        if (err instanceof ArbiterError) {
          const issues = err instanceof InputError ? err.issues : [];
          process.stderr.write(`arbiter amm fees: ${[err.shortMessage, ...issues].join('; ')}\n`);
          process.exit(2);
        }
        throw err;
      }
    });
}
