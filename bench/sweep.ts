/**
 * `sweep.speedup`: the same sma-cross grid on ETH/BTC 5m through the compiled `runSweep` (as the CLI runs it) with one
 * worker thread and with two.
 * The diagnostics say where a shortfall from the core count goes: worker startup (module loading and the candle
 * file, per worker), time per run when both cores are busy against one (contention: other processes on the machine,
 * memory bandwidth, clock), and the gap between the busier and the idler worker at the end (uneven runs).
 * `parallelFloor` is the same-run floor: the speedup two worker threads get on arithmetic that shares nothing,
 * measured before and after; `speedupVsFloor` reads the sweep against it. `processFloor` is the same backtest loop in
 * one process and then in two at once: the most two cores give this allocating work here, with nothing shared.
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseSweepAxes } from '../actors/backtest/sweep/sweep-axis.js';
import { sweepGrid } from '../actors/backtest/sweep/sweep-grid.js';
import type { runSweep as RunSweep, SweepOutcome } from '../actors/backtest/sweep/run-sweep.js';
import { projectPath } from '../actors/runtime/project-root.js';
import type { SweepSetup } from '../actors/backtest/sweep/run-combination.js';
import { parallelFloorSpeedup } from './parallel-floor.js';
import { processFloorSpeedup } from './process-floor.js';

const SETUP: SweepSetup = {
  strategy: 'sma-cross',
  data: [fileURLToPath(new URL('../data/candles/ETH_BTC-5m.json', import.meta.url))],
  fee: 0.001,
  capital: 1,
  fillModel: 'optimistic',
  host: 'trading',
  risk: 'loose',
  riskFree: 0,
};
// The issue's own example grid: 20 combinations, 19 that sma-cross accepts (fast < slow).
const GRID = ['fast=5:20:5', 'slow=20:60:10'];
const TARGET = 1.8;

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

function profile(o: SweepOutcome) {
  const busy = o.stats.map((s) => s.busyMs / 1000);
  const runs = o.stats.reduce((a, s) => a + s.tasks, 0);
  const first = o.stats.map((s) => (s.firstTaskMs ?? 0) / 1000);
  const later = (busy.reduce((a, b) => a + b, 0) - first.reduce((a, b) => a + b, 0)) / (runs - o.stats.length);
  return {
    seconds: round(o.wallSeconds),
    /** Per worker, from spawn to ready: the module graph and the candle file. */
    startupSeconds: o.stats.map((s) => round((s.readyMs ?? 0) / 1000)),
    busySeconds: busy.map((s) => round(s)),
    tasks: o.stats.map((s) => s.tasks),
    secondsPerRun: round(busy.reduce((a, b) => a + b, 0) / runs),
    /** A worker's first run over its later ones: JIT warm-up, paid once per worker. */
    firstRunSeconds: first.map((s) => round(s)),
    laterRunSeconds: round(later),
    /** The busier worker's extra time after the other ran out of tasks. */
    imbalanceSeconds: round(Math.max(...busy) - Math.min(...busy)),
  };
}

export async function benchSweep(): Promise<Record<string, unknown>> {
  // The compiled pool, as `arbiter backtest --sweep` runs it: its workers load JavaScript, not TypeScript through tsx.
  const { runSweep } = (await import(projectPath('dist', 'actors', 'backtest', 'sweep', 'run-sweep.js'))) as { runSweep: typeof RunSweep };
  const { runs } = sweepGrid(SETUP.strategy, parseSweepAxes(GRID), {}, (k) => k);
  const loadBefore = round(loadavg()[0]!, 2);
  const floorBefore = await parallelFloorSpeedup();
  const one = await runSweep(SETUP, runs, { workers: 1 });
  const two = await runSweep(SETUP, runs, { workers: 2 });
  const floorAfter = await parallelFloorSpeedup();
  const hardware = await processFloorSpeedup();
  const floor = (floorBefore.speedup + floorAfter.speedup) / 2;
  for (const [i, run] of one.runs.entries()) {
    if (JSON.stringify(run.metrics) !== JSON.stringify(two.runs[i]!.metrics)) throw new Error(`sweep bench: run ${i} differs between 1 and 2 workers`);
  }
  const p1 = profile(one);
  const p2 = profile(two);
  const speedup = one.wallSeconds / two.wallSeconds;
  // The most two workers can gain here when nothing but the runs is shared: startup (one worker's, as measured alone)
  // does not shrink, the runs halve, and the second worker pays JIT warm-up once more.
  const warmup = p1.firstRunSeconds[0]! - p1.laterRunSeconds;
  const bound = p1.seconds / (p1.startupSeconds[0]! + (p1.busySeconds[0]! + warmup) / 2);
  const contention = p2.laterRunSeconds / p1.laterRunSeconds;
  const shortfall: string[] = [];
  if (speedup < TARGET) {
    if (floor < TARGET) shortfall.push(`this machine gave two threads ${round(floor, 2)}× on arithmetic that shares nothing (other processes share the cores)`);
    if (hardware.speedup < TARGET) shortfall.push(`two separate processes running the same backtest loop got ${round(hardware.speedup, 2)}× (the two cores share caches and memory bandwidth, and this work allocates heavily)`);
    if (bound < TARGET) shortfall.push(`worker startup ${p1.startupSeconds[0]} s and JIT warm-up ${round(warmup, 2)} s per worker, against ${round(p1.busySeconds[0]!, 1)} s of runs, allow at most ${round(bound, 2)}×`);
    if (contention > 1.15) shortfall.push(`a run took ${round(contention, 2)}× as long with both workers busy as with one`);
    if (p2.imbalanceSeconds > p1.laterRunSeconds) shortfall.push(`one worker ran ${p2.imbalanceSeconds} s longer than the other`);
  }
  return {
    runs: runs.length,
    grid: GRID.join(' '),
    workers1Seconds: p1.seconds,
    workers2Seconds: p2.seconds,
    speedup: round(speedup),
    target: TARGET,
    cores: availableParallelism(),
    parallelFloor: { speedup: round(floor), before: round(floorBefore.speedup), after: round(floorAfter.speedup) },
    speedupVsFloor: round(speedup / floor),
    /** The same backtest loop in one process, then in two at once: the most two cores give this work here. */
    processFloor: { speedup: round(hardware.speedup), aloneSeconds: round(hardware.aloneSeconds), pairSeconds: hardware.pairSeconds.map((s) => round(s)) },
    speedupVsProcessFloor: round(speedup / hardware.speedup),
    diagnostics: {
      loadAverage1m: { before: loadBefore, after: round(loadavg()[0]!, 2) },
      workers1: p1,
      workers2: p2,
      /** Later runs' seconds with two workers over one: > 1 when the two cores do not run independently (other processes, memory, clock). */
      contention: round(contention),
      /** The speedup startup and warm-up allow, measured from the one-worker run. */
      startupBound: round(bound),
    },
    ...(shortfall.length > 0 ? { shortfall } : {}),
  };
}
