import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BookAtClose } from '../../../actors/features/feature.js';
import type { Trade } from '../../../actors/market-data/trades/trade.js';
import { ols } from '../../../actors/patterns/microstructure/ols.js';
import { flowIntervals, kyleLambda } from '../../../actors/patterns/microstructure/kyle-lambda.js';

const close = (actual: number | null | undefined, expected: number, tol = 1e-9) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected}`);

test('OLS by hand: x = 1,2,3, y = 2,4,7', () => {
  // mean x 2, mean y 13/3; Sxx = 2, Sxy = 5 → slope 2.5, intercept 13/3 − 5 = −2/3.
  // Syy = 114/9, SSR = Syy − slope·Sxy = 1/6 → R² = 1 − (1/6)/(114/9) = 1 − 9/684; se = √((1/6)/1/2) = √(1/12), t = 5√3.
  const r = ols([1, 2, 3], [2, 4, 7])!;
  close(r.slope, 2.5);
  close(r.intercept, -2 / 3);
  close(r.rSquared, 1 - 9 / 684);
  close(r.tStat, 5 * Math.sqrt(3));
  assert.equal(r.n, 3);
});

test('OLS edges: a perfect fit has no t-stat, a constant x or too few points no fit', () => {
  const perfect = ols([0, 1, 2], [1, 3, 5])!;
  close(perfect.slope, 2);
  close(perfect.rSquared, 1);
  assert.equal(perfect.tStat, null);
  assert.equal(ols([1, 1, 1], [1, 2, 3]), null);
  assert.equal(ols([1], [1]), null);
  assert.equal(ols([1, 2], [1]), null);
});

const quote = (ts: number, mid: number): BookAtClose => ({ ts, bids: [[mid - 0.5, 1]], asks: [[mid + 0.5, 1]] });
const trade = (ts: number, takerSide: 'buy' | 'sell', qty: number): Trade => ({ ts, price: 100, qty, takerSide });

test('flow intervals: signed taker volume and mid change per interval, edges exclusive at the end', () => {
  const books = [quote(0, 100), quote(1500, 101), quote(2500, 100.5)];
  const trades = [trade(100, 'buy', 2), trade(900, 'sell', 0.5), trade(1000, 'buy', 1), trade(2999, 'sell', 1), trade(3000, 'buy', 9)];
  // [0,1000): flow 2 − 0.5 = 1.5, mid 100 → 100; [1000,2000): flow +1 (the trade at 1000 is here), mid 100 → 101;
  // [2000,3000): flow −1, mid 101 → 100.5. The trade at 3000 is past the last interval.
  const iv = flowIntervals(trades, books, { from: 0, to: 3000, intervalMs: 1000 });
  assert.deepEqual(iv, [
    { start: 0, midChange: 0, signedFlow: 1.5 },
    { start: 1000, midChange: 1, signedFlow: 1 },
    { start: 2000, midChange: -0.5, signedFlow: -1 },
  ]);
  // x = 1.5, 1, −1; y = 0, 1, −0.5: mean x 0.5, Sxx = 1 + 0.25 + 2.25 = 3.5, Sxy = −1/6 + 5/12 + 1 = 1.25 → λ = 1.25/3.5.
  close(kyleLambda(iv)!.slope, 1.25 / 3.5);
  // Starting before the first book: [−1000, 0) has no mid at its start and is left out.
  assert.equal(flowIntervals(trades, books, { from: -1000, to: 3000, intervalMs: 1000 }).length, 3);
});
