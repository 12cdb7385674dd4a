import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableLiquidity, planSplit, splitOrder } from '../../actors/execution/splitter.js';
import { binanceBtcusdtBids, sampleBook } from './real-books.js';

test('every child takes at most 10% of the visible liquidity on the side taken', () => {
  const book = binanceBtcusdtBids();
  let depth = 0;
  for (const [, a] of book.bids) depth += a;
  const split = planSplit(40, book.bids); // visible bids: ~177 BTC
  assert.ok(Math.abs(split.liquidity - depth) < 1e-9);
  assert.ok(split.children.length > 1);
  for (const c of split.children) assert.ok(c.amount <= 0.1 * depth + 1e-12, `${c.amount} > 10% of ${depth}`);
  assert.ok(Math.abs(split.scheduled - 40) < 1e-9);
  assert.equal(split.children.length, 3);
  assert.equal(split.dropped < 1e-9, true);
  assert.deepEqual(split.children.map((c) => c.delayMs), split.children.map((_, i) => i * 1_000));
});

test('more than maxChildren × cap: the remainder is dropped and reported', () => {
  const book = binanceBtcusdtBids();
  const depth = availableLiquidity(book.bids);
  const split = planSplit(depth * 2, book.bids, { maxChildren: 10 });
  assert.equal(split.children.length, 10);
  assert.ok(Math.abs(split.scheduled - depth) < 1e-9);
  assert.ok(Math.abs(split.dropped - depth) < 1e-9);
});

test('a limit counts only liquidity at or better than the limit; amountStep floors children', () => {
  const book = sampleBook('bitstamp', 'ethusd');
  const limited = availableLiquidity(book.asks, { side: 'buy', price: 3805.99 });
  assert.ok(Math.abs(limited - (8.26964788 + 13.07397578 + 3.24341641)) < 1e-9);
  const split = planSplit(1, book.asks, { limit: { side: 'buy', price: 3805.99 }, amountStep: 0.001 });
  for (const c of split.children) {
    assert.ok(c.amount <= 0.1 * limited);
    assert.ok(Math.abs(c.amount * 1000 - Math.round(c.amount * 1000)) < 1e-6);
  }
  assert.ok(Math.abs(split.scheduled + split.dropped - 1) < 1e-9);
});

test('an empty side schedules nothing and drops everything; splitOrder gives child amounts', () => {
  const book = binanceBtcusdtBids();
  assert.deepEqual(planSplit(1, book.asks).children, []);
  assert.equal(planSplit(1, book.asks).dropped, 1);
  assert.deepEqual(splitOrder(1, 'buy', book), []);
  const amounts = splitOrder(0.5, 'sell', book, 0.1);
  assert.ok(Math.abs(amounts.reduce((s, a) => s + a, 0) - 0.5) < 1e-12);
});
