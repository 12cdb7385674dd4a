import type { ActorSystem } from '../../runtime/system.js';
import type { SimulatedClock } from '../../runtime/clock.js';
import type { Candle } from '../types.js';

declare module '../../runtime/messages.js' {
  interface MessageMap {
    /** A recorded bar handed to a paper/replay venue to match resting orders, before anyone sees it. */
    'replay.bar': { venue: string; symbol: string; candle: Candle };
  }
}

/** A system replayed into, and its paper venue: the actor `venue:<venue>` matches orders against each bar first. */
export interface ReplayTarget {
  system: ActorSystem;
  venue: string;
}

export interface CandleReplayOptions {
  /** Every system sees every bar, on one clock (each family's trading system has its own paper venue). */
  targets: readonly ReplayTarget[];
  clock: SimulatedClock;
  symbol: string;
  candles: readonly Candle[];
  timeframeMs: number;
  /** Bars per second of wall time; Infinity replays as fast as the actors go. */
  speed: number;
  /** Stop after this much wall time (ms). */
  maxWallMs?: number;
  /** Called after every bar, for progress. */
  onBar?: (index: number, total: number) => void;
  /** Lets the caller stop the replay early (SIGINT, escalation). */
  shouldStop?: () => boolean;
}

export interface ReplayResult {
  bars: number;
  wallMs: number;
  stoppedEarly: boolean;
}

/**
 * Replays bars through the live actors. The simulated clock moves to each bar's close only when
 * the system is quiescent, so the same input gives the same journal. Two phases per bar: the venue
 * matches resting orders against the bar (no look-ahead: orders placed on bar t fill on t+1 at the
 * earliest), then strategies and risk see `candle.closed`.
 */
export async function replayCandles(options: CandleReplayOptions): Promise<ReplayResult> {
  const { targets, clock, candles, symbol } = options;
  const started = performance.now();
  let bars = 0;
  for (const candle of candles) {
    if (options.shouldStop?.()) break;
    const elapsed = performance.now() - started;
    if (options.maxWallMs !== undefined && elapsed >= options.maxWallMs) break;
    const due = (bars / options.speed) * 1000;
    if (Number.isFinite(due) && due > elapsed) await sleep(due - elapsed);

    const closeTime = candle.ts + options.timeframeMs;
    if (closeTime > clock.now()) clock.set(closeTime);
    for (const { system, venue } of targets) system.publish({ type: 'replay.bar', venue, symbol, candle, to: `venue:${venue}` });
    await Promise.all(targets.map((t) => t.system.whenQuiescent()));
    for (const { system, venue } of targets) system.publish({ type: 'candle.closed', venue, symbol, candle });
    await Promise.all(targets.map((t) => t.system.whenQuiescent()));
    bars += 1;
    options.onBar?.(bars, candles.length);
  }
  return { bars, wallMs: performance.now() - started, stoppedEarly: bars < candles.length };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
