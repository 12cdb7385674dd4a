import type { ActorSystem } from '../../runtime/system.js';
import type { SimulatedClock } from '../../runtime/clock.js';
import type { TimelineStep } from '../../backtest/timeline.js';
import './candle-replay.js';

export interface StepReplayOptions {
  system: ActorSystem;
  /** The paper venue: the actor `venue:<venue>` matches orders against each bar first. */
  venue: string;
  clock: SimulatedClock;
  /** Several markets' bars aligned on time (buildTimeline). */
  steps: readonly TimelineStep[];
  timeframeMs: number;
  /** Steps per second of wall time; Infinity replays as fast as the actors go. */
  speed: number;
  maxWallMs?: number;
  onStep?: (index: number, total: number) => void;
  shouldStop?: () => boolean;
}

/**
 * Replays several markets through live actors one step at a time, as replayCandles does one market: the clock moves
 * to the step's close, the venue matches resting orders against each bar (orders placed on step t fill on t+1 at the
 * earliest), then one `candles.closed` carries the step's bars to risk, the ledger and the strategies.
 */
export async function replaySteps(options: StepReplayOptions): Promise<{ steps: number; wallMs: number }> {
  const { system, venue, clock } = options;
  const started = performance.now();
  let done = 0;
  for (const step of options.steps) {
    if (options.shouldStop?.()) break;
    const elapsed = performance.now() - started;
    if (options.maxWallMs !== undefined && elapsed >= options.maxWallMs) break;
    const due = (done / options.speed) * 1000;
    if (Number.isFinite(due) && due > elapsed) await new Promise((resolve) => setTimeout(resolve, due - elapsed));

    const closeTime = step.ts + options.timeframeMs;
    if (closeTime > clock.now()) clock.set(closeTime);
    for (const { symbol, candle } of step.bars) system.publish({ type: 'replay.bar', venue, symbol, candle, to: `venue:${venue}` });
    await system.whenQuiescent();
    system.publish({ type: 'candles.closed', venue, bars: step.bars });
    await system.whenQuiescent();
    done += 1;
    options.onStep?.(done, options.steps.length);
  }
  return { steps: done, wallMs: performance.now() - started };
}
