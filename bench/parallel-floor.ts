import { WorkerPool } from '../actors/runtime/workers/worker-pool.js';

const ITERATIONS = 300_000_000;

async function timedRun(workers: number, units: number): Promise<number> {
  const pool = new WorkerPool<number, number>({ file: new URL(`./spin-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url), size: workers });
  try {
    await pool.run(Array.from({ length: workers }, () => 1_000)); // every worker started and ready
    const t0 = performance.now();
    await pool.run(Array.from({ length: units }, () => ITERATIONS));
    return performance.now() - t0;
  } finally {
    await pool.close();
  }
}

/**
 * The speedup this machine gives right now to work that shares nothing: two units of pure arithmetic on one worker
 * thread against one unit each on two (startup excluded). About the core count on an idle machine; less when other
 * processes hold the cores. The sweep's speedup is read against it.
 */
export async function parallelFloorSpeedup(): Promise<{ speedup: number; oneWorkerSeconds: number; twoWorkersSeconds: number }> {
  const one = await timedRun(1, 2);
  const two = await timedRun(2, 2);
  return { speedup: one / two, oneWorkerSeconds: one / 1000, twoWorkersSeconds: two / 1000 };
}
