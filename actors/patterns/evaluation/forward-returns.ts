import type { Candle } from '../../market-data/types.js';

/**
 * The log return from each bar's close to the close `horizon` bars later, ln(close[i+h] / close[i]), indexed by the
 * entry bar i. NaN where the window runs past the data or across a gap (bar i+h does not open exactly h bar lengths
 * after bar i): such an entry has no forward return and is not counted.
 */
export function forwardLogReturns(candles: readonly Candle[], horizon: number, timeframeMs: number): Float64Array {
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`horizon must be a whole number of bars ≥ 1, got ${horizon}`);
  const out = new Float64Array(candles.length).fill(NaN);
  for (let i = 0; i + horizon < candles.length; i++) {
    const entry = candles[i]!;
    const exit = candles[i + horizon]!;
    if (exit.ts - entry.ts === horizon * timeframeMs) out[i] = Math.log(exit.close / entry.close);
  }
  return out;
}
