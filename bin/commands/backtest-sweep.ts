import { columns } from '../columns.js';
import { availableParallelism } from 'node:os';
import { SingleBar, Presets } from 'cli-progress';
import { InputError } from '../../actors/runtime/errors.js';
import { declarationOf } from '../../actors/strategies/catalogue/catalogue.js';
import { buildStrategies, singleStrategyPlan } from '../../actors/backtest/plan.js';
import type { HostKind } from '../../actors/backtest/replay-target.js';
import type { RiskProfile } from '../../actors/backtest/risk-profiles.js';
import type { SweepSetup } from '../../actors/backtest/sweep/run-combination.js';
import { runSweep, type SweepOutcome, type SweepRun } from '../../actors/backtest/sweep/run-sweep.js';
import { bestIndex, describeRanking, RANK_METRICS, type RankMetric } from '../../actors/backtest/sweep/rank.js';
import { parseSweepAxes } from '../../actors/backtest/sweep/sweep-axis.js';
import { sweepGrid } from '../../actors/backtest/sweep/sweep-grid.js';
import { describeGap } from '../../actors/market-data/candles/gaps.js';
import { parseFillModelName } from '../../actors/venues/replay/fill-model.js';
import { signalExitCode, type StopSignal } from '../stop-signals.js';

export interface SweepCommandOpts {
  strategy?: string;
  data?: string[];
  sweep: string[];
  workers?: number;
  rank: RankMetric;
  fee: number;
  capital: number;
  fillModel: string;
  host: HostKind;
  risk: RiskProfile;
  periodsPerYear?: number;
  riskFree: number;
  progress: boolean;
  json?: boolean;
}

/** Parameters given as fixed values (`--fast`, `--param k=v`) and how to name each in a message. */
export interface FixedParams {
  raw: Record<string, string>;
  label: (key: string) => string;
}

const SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

/**
 * `arbiter backtest --sweep ...`: checks the whole grid and the data before any worker starts, runs the grid on
 * worker threads, and prints every run's metrics and the best by `--rank`. SIGINT/SIGTERM terminate the workers
 * and exit 130/143.
 */
export async function executeSweep(opts: SweepCommandOpts, fixed: FixedParams): Promise<void> {
  if (!opts.strategy) throw new InputError('--sweep needs --strategy <name>');
  if (!opts.data?.length) throw new InputError('--sweep needs --data <candles file>');
  if (declarationOf(opts.strategy, 'backtest').prepare) throw new InputError(`--sweep: ${opts.strategy} trades a model loaded from the journal, which the sweep's workers do not load; backtest it without --sweep`);
  const axes = parseSweepAxes(opts.sweep);
  const grid = sweepGrid(opts.strategy, axes, fixed.raw, fixed.label);
  // The data is read here once to check it (workers read it again) and to learn whether the strategy needs the trading host.
  const { strategies, series } = buildStrategies(singleStrategyPlan(opts.strategy, opts.data, grid.runs[0]!), opts.capital, 'replay', opts.fee);
  const needy = strategies.find((s) => s.requiresExecution);
  if (needy && opts.host !== 'trading') throw new InputError(`strategy ${needy.name} rests and cancels orders: run it with --host trading`);
  for (const s of series) for (const g of s.gaps) process.stderr.write(`gap in ${s.file}: ${describeGap(g)} (not filled)\n`);

  const total = grid.runs.length + grid.skipped;
  if (grid.skipped > 0) process.stderr.write(`sweep: skipped ${grid.skipped} of ${total} combinations that ${opts.strategy} rejects, e.g. ${grid.skipExample}\n`);
  const workers = Math.min(opts.workers ?? availableParallelism(), grid.runs.length);
  const setup: SweepSetup = { strategy: opts.strategy, data: opts.data, fee: opts.fee, capital: opts.capital, fillModel: parseFillModelName(opts.fillModel), host: opts.host, risk: opts.risk, periodsPerYear: opts.periodsPerYear, riskFree: opts.riskFree };
  const stop = new AbortController();
  const listeners = SIGNALS.map((name) => [name, () => stop.abort(name)] as const);
  for (const [name, listener] of listeners) process.once(name, listener);
  process.stderr.write(`sweep: ${grid.runs.length} runs on ${workers} worker${workers === 1 ? '' : 's'}\n`);
  const bar = opts.progress && process.stderr.isTTY === true ? new SingleBar({ format: 'sweep [{bar}] {percentage}% | {value}/{total} runs | eta {eta}s', stream: process.stderr }, Presets.shades_classic) : undefined;
  bar?.start(grid.runs.length, 0);
  let done = 0;
  let outcome: SweepOutcome;
  try {
    outcome = await runSweep(setup, grid.runs, { workers, signal: stop.signal, onRun: (n) => bar?.update((done = n)) });
  } catch (err) {
    bar?.stop();
    if (!stop.signal.aborted) throw err;
    const name = stop.signal.reason as StopSignal;
    process.stderr.write(`${name}: sweep stopped after ${done} of ${grid.runs.length} runs; workers terminated\n`);
    process.exit(signalExitCode(name));
  } finally {
    for (const [name, listener] of listeners) process.off(name, listener);
  }
  bar?.stop();

  const best = bestIndex(outcome.runs, opts.rank);
  if (best === undefined) process.stderr.write(`sweep: no run has a ${opts.rank} (undefined for every run), so none is best\n`);
  const rank = { metric: opts.rank, better: RANK_METRICS[opts.rank] };
  if (opts.json) {
    const bestRun = best === undefined ? null : outcome.runs[best];
    process.stdout.write(`${JSON.stringify({ runs: outcome.runs, best: bestRun, rank, skipped: grid.skipped, workers: outcome.workers, wallSeconds: outcome.wallSeconds })}\n`);
    return;
  }
  process.stdout.write(`${outcome.runs.length} runs${grid.skipped ? ` (${grid.skipped} skipped)` : ''} on ${outcome.workers} worker${outcome.workers === 1 ? '' : 's'}, ${outcome.wallSeconds.toFixed(2)} s; best by ${describeRanking(opts.rank)} marked *\n`);
  process.stdout.write(table(outcome.runs, axes.map((a) => a.key), opts.rank, best));
}

const SHOWN = ['totalReturn', 'sharpe', 'maxDrawdown', 'winRate'] as const;

function table(runs: readonly SweepRun[], keys: readonly string[], rank: RankMetric, best: number | undefined): string {
  const metrics: string[] = [...SHOWN, ...(SHOWN.includes(rank as (typeof SHOWN)[number]) ? [] : [rank])];
  const header = ['', ...keys, 'trades', ...metrics];
  const rows = runs.map((r, i) => [i === best ? '*' : '', ...keys.map((k) => String(r.params[k])), String(r.trades), ...metrics.map((m) => number(r.metrics[m as RankMetric]))]);
  return columns([header, ...rows], { right: (c) => c > 0 }).map((line) => `${line}\n`).join('');
}

function number(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return Math.abs(v) >= 1000 ? v.toExponential(3) : v.toFixed(4);
}
