import type { Candle } from '../types.js';
import { median } from '../../ledger/metrics/stats.js';

/** A hole in a candle series: bars missing between two recorded ones. Reported, never filled. */
export interface CandleGap {
  /** Open time of the last bar before the gap. */
  afterTs: number;
  /** Open time of the first bar after the gap. */
  beforeTs: number;
  missingBars: number;
}

/** Bar length as the median step between open times. */
export function inferTimeframeMs(candles: readonly Candle[]): number {
  const steps: number[] = [];
  for (let i = 1; i < candles.length; i++) steps.push(candles[i]!.ts - candles[i - 1]!.ts);
  return steps.length === 0 ? 0 : median(steps);
}

export function detectGaps(candles: readonly Candle[], timeframeMs: number): CandleGap[] {
  const gaps: CandleGap[] = [];
  if (!(timeframeMs > 0)) return gaps;
  for (let i = 1; i < candles.length; i++) {
    const step = candles[i]!.ts - candles[i - 1]!.ts;
    if (step > timeframeMs) {
      gaps.push({ afterTs: candles[i - 1]!.ts, beforeTs: candles[i]!.ts, missingBars: Math.round(step / timeframeMs) - 1 });
    }
  }
  return gaps;
}

export function describeGap(g: CandleGap): string {
  return `${g.missingBars} bar(s) missing between ${new Date(g.afterTs).toISOString()} and ${new Date(g.beforeTs).toISOString()}`;
}
