/**
 * Issue 12: training runs on a worker thread so the trading actors keep their latency while a model trains. A steady
 * stream of candles goes through the real actors (sma-cross, risk, execution, paper venue on the nact dispatcher)
 * in three conditions, one after the other in the same run: idle (the floor); while `trainInWorker` trains an LSTM
 * walk-forward over a slice of the BTC week; and while the same walk-forward runs on this thread (what the worker
 * avoids). A candle's latency runs from the moment it was due (not when the stalled loop got round to publishing it)
 * to the moment the strategy's machine took it; ratios are to the idle floor, measured before and after the others.
 * On 2 cores shared with other work, the worker's p99 also carries the main thread's preemption while the worker
 * holds a core: read it beside the load average.
 */
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import type { InspectionEvent } from 'xstate';
import { buildFeatureMatrix } from '../actors/features/build-feature-matrix.js';
import { loadCandles } from '../actors/market-data/candles/load-candles.js';
import type { Candle } from '../actors/market-data/types.js';
import { createModel } from '../actors/models/create-model.js';
import { toModelSeries } from '../actors/models/evaluation/model-series.js';
import { defaultHyperparameters } from '../actors/models/hyper-params.js';
import { runTrainJob } from '../actors/models/training/run-train-job.js';
import { trainInWorker } from '../actors/models/training/train-in-worker.js';
import type { TrainJob } from '../actors/models/training/train-job.js';
import { executionActor } from '../actors/execution/execution-actor.js';
import { DEFAULT_RISK_LIMITS } from '../actors/risk/limits.js';
import { riskActor } from '../actors/risk/risk-actor.js';
import { SimulatedClock } from '../actors/runtime/clock.js';
import { ActorSystem } from '../actors/runtime/system.js';
import { declaration as smaCross } from '../actors/strategies/sma-cross/declaration.js';
import { PaperVenue } from '../actors/venues/paper/paper-venue.js';
import { BTC_WEEK } from './model-samples.js';
import { percentile } from './percentile.js';

const SYMBOL = 'BTC/USDT';
const STRATEGY = 'strategy:sma-cross';
/** Candles offered per second of wall time. */
const CANDLES_PER_SEC = 200;
const IDLE_MS = 3_000;
/** Bars of the BTC week the LSTM walk-forward reads: two folds and the final fit, a few seconds of training. */
const TRAIN_CANDLES = 1_300;
const WINDOWS = { trainBars: 500, testBars: 300 };
const EPOCHS = 3;
/** Lets the stream settle before training starts in each condition. */
const LEAD_MS = 200;

interface StreamStats {
  candles: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Candles published more than one period after they were due: the loop was not there to publish them. */
  lateStarts: number;
}

function candleAt(i: number): Candle {
  const close = 50_000 + 200 * Math.sin(i / 25);
  return { ts: i * 60_000, open: close, high: close + 5, low: close - 5, close, volume: 10 };
}

/**
 * Resolves at `due` (performance.now() ms): a timer to within a millisecond of it, then event-loop turns. The loop
 * idles between candles as it would between socket reads, rather than spinning a core the training needs.
 */
async function until(due: number): Promise<void> {
  const wait = due - performance.now() - 1;
  if (wait >= 1) await sleep(wait);
  do await new Promise<void>((resolve) => setImmediate(resolve));
  while (performance.now() < due);
}

function trainJob(): TrainJob {
  const { candles, timeframeMs } = loadCandles(BTC_WEEK);
  const slice = candles.slice(0, TRAIN_CANDLES);
  const series = toModelSeries(buildFeatureMatrix(slice, { timeframeMs }), slice, timeframeMs);
  return { series, kind: 'lstm', hyper: { ...defaultHyperparameters('lstm'), epochs: EPOCHS }, ...WINDOWS, fee: 0.001 };
}

/** The trading actors, and a stream that publishes one candle per period until `during` settles. */
function tradingSystem() {
  const clock = new SimulatedClock(0);
  const venue = new PaperVenue({ id: 'paper', balances: { USDT: 1e9, BTC: 0 } });
  const handledAt = new Map<string, number>();
  const inspect = (e: InspectionEvent) => {
    if (e.type !== '@xstate.snapshot' || e.event.type !== 'candle.closed' || !('id' in e.actorRef) || e.actorRef.id !== STRATEGY) return;
    if ('id' in e.event && typeof e.event.id === 'string') handledAt.set(e.event.id, performance.now());
  };
  const system = new ActorSystem({ clock, logger: pino({ level: 'silent' }), inspect });
  system.spawn(riskActor({ capital: 1e6, startTs: 0, limits: { maxNotionalPerOrder: 1e12, maxSubmits: 1e9 } }));
  system.spawn(executionActor({ venues: { paper: venue }, input: { venues: { paper: { taker: 0.001 } }, maxLiquidityFraction: 0.1 } }));
  system.spawn(smaCross.actor({ name: 'sma-cross', capital: 1e6, limits: DEFAULT_RISK_LIMITS, venue: 'paper', symbol: SYMBOL, fees: { paper: 0.001 } }, { fraction: 0.05, fast: 5, slow: 20 }));
  let intents = 0;
  let approved = 0;
  system.observe((m) => {
    if (m.type === 'order.intents') intents += 1;
    if (m.type === 'orders.approved') approved += 1;
  });
  let next = 1;
  const publish = () => {
    const candle = candleAt(next++);
    clock.set(candle.ts);
    venue.onCandle(SYMBOL, candle);
    return system.publish({ type: 'candle.closed', venue: 'paper', symbol: SYMBOL, candle });
  };

  async function stream<T>(during: () => Promise<T>): Promise<{ stats: StreamStats; result: T }> {
    const period = 1_000 / CANDLES_PER_SEC;
    const dueAt = new Map<string, number>();
    // Every candle due until the work settles is published, those due while a blocked loop could not publish them too.
    let endAt = Infinity;
    const work = during().finally(() => void (endAt = performance.now()));
    const start = performance.now() + period;
    let lateStarts = 0;
    let k = 0;
    for (; start + k * period <= endAt; k++) {
      const due = start + k * period;
      await until(due);
      if (due > endAt) break;
      if (performance.now() - due > period) lateStarts += 1;
      dueAt.set(publish().id, due);
    }
    const result = await work;
    await system.whenQuiescent();
    const seconds = (performance.now() - start) / 1_000;
    const latencies = [...dueAt].map(([id, due]) => {
      const at = handledAt.get(id);
      if (at === undefined) throw new Error(`candle ${id} never reached ${STRATEGY}`);
      return at - due;
    });
    latencies.sort((a, b) => a - b);
    handledAt.clear();
    return { stats: { candles: k, seconds, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), maxMs: latencies.at(-1)!, lateStarts }, result };
  }

  return { system, publish, stream, orders: () => ({ intents, approved }) };
}

export async function benchTrainingLatency(): Promise<Record<string, unknown>> {
  const job = trainJob();
  const { system, publish, stream, orders } = tradingSystem();
  for (let i = 0; i < 500; i++) {
    publish();
    await system.whenQuiescent();
  }
  const loadBefore = loadavg()[0];
  const idle = () => stream(async () => {
    await sleep(LEAD_MS + IDLE_MS);
    return {};
  });
  const timed = async (train: () => Promise<{ report: { folds: unknown[] } }>) => {
    await sleep(LEAD_MS);
    const t0 = performance.now();
    const outcome = await train();
    return { trainSeconds: (performance.now() - t0) / 1_000, folds: outcome.report.folds.length };
  };
  const idleBefore = await idle();
  const worker = await stream(() => timed(() => trainInWorker(job)));
  const mainThread = await stream(() => timed(() => runTrainJob(job, createModel)));
  const idleAfter = await idle();
  const deadLetters = system.deadLettered;
  await system.shutdown();
  // The machine is shared: the floor is the idle round (before or after) with the lower p99.
  const floor = idleBefore.stats.p99Ms <= idleAfter.stats.p99Ms ? idleBefore.stats : idleAfter.stats;
  const ratio = (s: StreamStats) => ({ p50: s.p50Ms / floor.p50Ms, p99: s.p99Ms / floor.p99Ms });
  return {
    candlesPerSec: CANDLES_PER_SEC,
    training: { kind: job.kind, hyper: job.hyper, ...WINDOWS, rows: job.series.ts.length },
    loadAverage: { before: loadBefore, after: loadavg()[0] },
    cpus: availableParallelism(),
    deadLetters,
    // The strategy's entry goes through risk to execution and the paper venue; no gateway feeds the venue's fills
    // back, so it then waits for its fill, still taking (and risk still marking) every candle.
    orders: orders(),
    idle: { before: idleBefore.stats, after: idleAfter.stats },
    floor: { p50Ms: floor.p50Ms, p99Ms: floor.p99Ms },
    worker: { ...worker.stats, ...worker.result, ratio: ratio(worker.stats) },
    mainThread: { ...mainThread.stats, ...mainThread.result, ratio: ratio(mainThread.stats) },
  };
}
