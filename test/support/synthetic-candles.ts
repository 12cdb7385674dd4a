import type { Candle } from '../../actors/market-data/types.js';
import { seededRandom } from '../../actors/runtime/random.js';

/** Candles from a list of log returns: each bar opens at the last close; high and low a little outside the body. */
export function candlesFromReturns(returns: readonly number[], timeframeMs = 60_000, start = Date.UTC(2021, 0, 1)): Candle[] {
  let close = 100;
  return returns.map((r, i) => {
    const open = close;
    close = open * Math.exp(r);
    return { ts: start + i * timeframeMs, open, high: Math.max(open, close) * 1.0002, low: Math.min(open, close) * 0.9998, close, volume: 10 };
  });
}

/** Independent normal draws with mean 0 and standard deviation `sigma` (Box–Muller on a seeded generator). */
export function gaussianReturns(count: number, seed: number, sigma = 0.001): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => sigma * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

/** A driftless Gaussian random walk of log prices: nothing in it is predictable. */
export function randomWalkCandles(bars: number, seed: number, sigma = 0.001): Candle[] {
  return candlesFromReturns(gaussianReturns(bars, seed, sigma));
}

/** Four bars up, four down, forever: persistence is right on 6 of every 8 bars, a model that learns the cycle on all. */
export function periodEightCandles(bars: number, step = 0.001): Candle[] {
  return candlesFromReturns(Array.from({ length: bars }, (_, i) => (i % 8 < 4 ? step : -step)));
}
