import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closedBarsAfter, type OhlcvRow } from '../../../actors/market-data/candles/ccxt-candle-feed.js';

const row = (ts: number, close: number): OhlcvRow => [ts, close, close + 1, close - 1, close, 2];

test('closedBarsAfter: only bars closed at the exchange time, newer than the last published, oldest first, once each', () => {
  const rows = [row(3_000, 13), row(1_000, 11), row(2_000, 12), row(2_000, 12), row(4_000, 14)];
  // At 4_500 the 4_000 bar is still forming; 3_000 closed exactly at 4_000.
  assert.deepEqual(closedBarsAfter(rows, 1_000, 1_000, 4_500).map((c) => [c.ts, c.close]), [[2_000, 12], [3_000, 13]]);
  assert.deepEqual(closedBarsAfter(rows, 3_000, 1_000, 4_999), [], 'the forming bar is never published');
  assert.deepEqual(closedBarsAfter(rows, 3_000, 1_000, 5_000).map((c) => c.ts), [4_000]);
});

test('closedBarsAfter: rows with missing prices are skipped', () => {
  assert.deepEqual(closedBarsAfter([[1_000, undefined, 1, 1, 1, 1], row(2_000, 5)], 0, 1_000, 10_000).map((c) => c.ts), [2_000]);
});
