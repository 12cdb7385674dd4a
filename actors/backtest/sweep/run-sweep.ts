import type { PerformanceMetrics } from '../../ledger/metrics/performance.js';
import type { CombinationResult, SweepSetup } from './run-combination.js';
import { describeParams } from './sweep-grid.js';
import { runInPool, type WorkerStats } from '../../runtime/workers/worker-pool.js';

export interface SweepRun {
  params: Record<string, unknown>;
  trades: number;
  metrics: PerformanceMetrics;
}

export interface SweepOutcome {
  /** In the order of the parameter sets given, whatever order they finished in. */
  runs: SweepRun[];
  workers: number;
  /** From starting the workers to the last result, worker startup and data loading included. */
  wallSeconds: number;
  stats: WorkerStats[];
}

export interface SweepOptions {
  /** At most this many worker threads (never more than runs). */
  workers: number;
  /** Aborting terminates the workers; runSweep rejects. */
  signal?: AbortSignal;
  onRun?: (done: number, total: number) => void;
}

/** The worker module beside this one: `.ts` under tsx, `.js` in the compiled tree. */
export function sweepWorkerFile(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./sweep-worker${ext}`, import.meta.url);
}

/** Backtests each parameter set (validated beforehand) in a worker thread, one actor tree per run. */
export async function runSweep(setup: SweepSetup, paramSets: ReadonlyArray<Record<string, unknown>>, opts: SweepOptions): Promise<SweepOutcome> {
  const workers = Math.max(1, Math.min(opts.workers, paramSets.length));
  let done = 0;
  const t0 = performance.now();
  const { results, stats } = await runInPool<Record<string, unknown>, CombinationResult>(
    { file: sweepWorkerFile(), size: workers, workerData: setup, describe: (params) => describeParams(params) },
    paramSets,
    { signal: opts.signal, onResult: () => opts.onRun?.(++done, paramSets.length) },
  );
  return { runs: results.map((r, i) => ({ params: paramSets[i]!, trades: r.trades, metrics: r.metrics })), workers, wallSeconds: (performance.now() - t0) / 1000, stats };
}
