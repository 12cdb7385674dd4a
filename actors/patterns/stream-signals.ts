import type { Candle } from '../market-data/types.js';
import type { LivePattern } from './live-pattern.js';
import { PatternStream, type PatternStreamOptions } from './pattern-stream.js';

/** A pattern the pattern actor would announce, with the open time of the bar whose close completed it. */
export interface StreamedSignal extends LivePattern {
  confirmedAt: number;
}

/** Every `pattern.detected` a pattern actor would send over a whole series, in order. */
export function streamSignals(candles: readonly Candle[], opts: PatternStreamOptions = {}): StreamedSignal[] {
  const stream = new PatternStream(opts);
  const out: StreamedSignal[] = [];
  for (const c of candles) for (const p of stream.push(c).detected) out.push({ ...p, confirmedAt: c.ts });
  return out;
}
