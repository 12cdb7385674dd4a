import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Candle } from '../../../actors/market-data/types.js';
import { forwardLogReturns } from '../../../actors/patterns/evaluation/forward-returns.js';

const bar = (ts: number, close: number): Candle => ({ ts, open: close, high: close, low: close, close, volume: 1 });
const MIN = 60_000;

test('ln(close[i+h] / close[i]) from each bar; the last h bars have none', () => {
  const candles = [100, 110, 99, 121, 121].map((c, i) => bar(i * MIN, c));
  const h1 = [...forwardLogReturns(candles, 1, MIN)];
  assert.deepEqual(h1.slice(0, 4), [Math.log(1.1), Math.log(0.9), Math.log(121 / 99), 0]);
  assert.ok(Number.isNaN(h1[4]!));
  const h2 = [...forwardLogReturns(candles, 2, MIN)];
  assert.deepEqual(h2.slice(0, 3), [Math.log(0.99), Math.log(1.1), Math.log(121 / 99)]);
  assert.ok(h2.slice(3).every(Number.isNaN));
});

test('a window across a gap has no forward return', () => {
  // Bar at 3 min is missing: from bar 1 (1 min), two bars on opens at 4 min, three bar lengths later.
  const candles = [0, 1, 2, 4, 5].map((m, i) => bar(m * MIN, 100 + i));
  const h2 = [...forwardLogReturns(candles, 2, MIN)];
  assert.equal(h2[0], Math.log(102 / 100));
  assert.ok(Number.isNaN(h2[1]!) && Number.isNaN(h2[2]!));
  assert.equal(forwardLogReturns(candles, 1, MIN)[3], Math.log(104 / 103));
});

test('a horizon that is not a whole number of bars ≥ 1 is refused', () => {
  const candles = [bar(0, 1), bar(MIN, 2)];
  for (const h of [0, -1, 1.5]) assert.throws(() => forwardLogReturns(candles, h, MIN), /horizon/);
});
