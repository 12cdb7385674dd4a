import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Trade } from '../../../actors/market-data/trades/trade.js';
import { tradeSignAutocorrelation } from '../../../actors/patterns/microstructure/trade-sign-autocorrelation.js';

const signs = (...s: number[]): Trade[] => s.map((v, i) => ({ ts: i, price: 1, qty: 1, takerSide: v > 0 ? 'buy' : 'sell' }));

test('sign autocorrelation by hand, zero mean: + + − −', () => {
  // Mean 0, Σ s² = 4. Lag 1: 1·1 + 1·(−1) + (−1)(−1) = 1 → 0.25; lag 2: −1 − 1 → −0.5; lag 3: −1 → −0.25; lag 4: no pairs.
  assert.deepEqual(tradeSignAutocorrelation(signs(1, 1, -1, -1), 4), [0.25, -0.5, -0.25, 0]);
});

test('sign autocorrelation with a non-zero mean: + + + −', () => {
  // Mean 0.5; deviations .5 .5 .5 −1.5, Σ² = 3. Lag 1: .25 + .25 − .75 = −.25 → −1/12.
  const r = tradeSignAutocorrelation(signs(1, 1, 1, -1), 1)!;
  assert.ok(Math.abs(r[0]! + 1 / 12) < 1e-12);
});

test('no sign variation, or no trades: null', () => {
  assert.equal(tradeSignAutocorrelation(signs(1, 1, 1), 2), null);
  assert.equal(tradeSignAutocorrelation([], 2), null);
});
