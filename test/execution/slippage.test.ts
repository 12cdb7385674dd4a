import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedSlippage, walkBook } from '../../actors/execution/slippage.js';
import { binanceBtcusdtBids, sampleBook } from './real-books.js';

test('selling 3 BTC into the real Binance bid book walks five levels', () => {
  const book = binanceBtcusdtBids();
  const w = walkBook(book.bids, 3);
  // 1.770@20377.0 + 0.001@20376.9 + 0.009@20376.8 + 1.216@20376.7 + 0.004@20376.6
  const cost = 1.77 * 20377 + 0.001 * 20376.9 + 0.009 * 20376.8 + 1.216 * 20376.7 + 0.004 * 20376.6;
  assert.equal(w.levels, 5);
  assert.ok(w.complete);
  assert.ok(Math.abs(w.cost - cost) < 1e-6);
  assert.ok(Math.abs(w.vwap - cost / 3) < 1e-9);
  assert.equal(w.worstPrice, 20376.6);
});

test('a size beyond the visible book fills partially', () => {
  const book = binanceBtcusdtBids();
  const depth = book.bids.reduce((s, [, a]) => s + a, 0);
  const w = walkBook(book.bids, depth + 5);
  assert.equal(w.complete, false);
  assert.ok(Math.abs(w.filled - depth) < 1e-9);
  assert.equal(w.levels, 100);
});

test('a limit stops the walk at the limit price', () => {
  const book = binanceBtcusdtBids();
  const w = walkBook(book.bids, 3, { side: 'sell', price: 20376.8 });
  assert.ok(Math.abs(w.filled - 1.78) < 1e-12);
  assert.equal(w.complete, false);
});

test('expected slippage of buying 10 ETH on Bitstamp: VWAP vs mid and vs best ask', () => {
  const book = sampleBook('bitstamp', 'ethusd');
  const e = expectedSlippage(book, 'buy', 10);
  const vwap = (8.26964788 * 3805.47 + (10 - 8.26964788) * 3805.83) / 10;
  const mid = (3805.47 + 3802.9) / 2;
  assert.ok(Math.abs(e.vwap - vwap) < 1e-9);
  assert.ok(Math.abs(e.slippage - (vwap - mid) / mid) < 1e-12);
  assert.ok(Math.abs(e.impact - (vwap - 3805.47) / 3805.47) < 1e-12);
  assert.ok(e.slippage > e.impact && e.impact > 0);
  const sell = expectedSlippage(book, 'sell', 1);
  assert.ok(Math.abs(sell.slippage - (mid - (0.6 * 3802.9 + 0.4 * 3802.89)) / mid) < 1e-12);
});
