import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TradeBook } from '../../actors/backtest/trade-book.js';
import type { Fill } from '../../actors/ledger/types.js';

let n = 0;
const fill = (side: 'buy' | 'sell', price: number, amount: number, fee: number, ts = ++n): Fill => ({
  fillId: `f${n}`, clientOrderId: 'o', intentId: 'i', strategy: 's', venue: 'v', symbol: 'X/Y', side, price, amount, fee, liquidity: 'taker', ts,
});

test('long round trip over partial fills: VWAP prices, pnl net of fees, cash and equity', () => {
  const b = new TradeBook([{ strategy: 's', symbols: ['X/Y'], capital: 1000 }]);
  b.record(fill('buy', 10, 3, 0.3, 1));
  b.record(fill('buy', 12, 1, 0.1, 2));
  b.mark('s', 'X/Y', 11);
  assert.equal(b.equity('s'), 1000 - 42 - 0.4 + 4 * 11);
  assert.equal(b.openPositions()[0]!.entryPrice, 42 / 4);
  b.record(fill('sell', 13, 4, 0.5, 3));
  assert.equal(b.trades.length, 1);
  const t = b.trades[0]!;
  assert.deepEqual([t.side, t.entryTime, t.entryPrice, t.exitTime, t.exitPrice, t.qty], ['long', 1, 10.5, 3, 13, 4]);
  assert.ok(Math.abs(t.pnl - (52 - 42 - 0.9)) < 1e-12);
  assert.ok(Math.abs(b.equity('s') - (1000 + 52 - 42 - 0.9)) < 1e-12);
  assert.deepEqual(b.openPositions(), []);
});

test('a short round trip, and a fill through zero splits into a close and a new round', () => {
  const b = new TradeBook([{ strategy: 's', symbols: ['X/Y'], capital: 100 }]);
  b.record(fill('sell', 20, 2, 0.2, 1));
  b.record(fill('buy', 18, 5, 0.5, 2)); // closes the short (2) and opens a long of 3
  assert.equal(b.trades.length, 1);
  const t = b.trades[0]!;
  assert.equal(t.side, 'short');
  assert.ok(Math.abs(t.pnl - (40 - 36 - 0.2 - 0.2)) < 1e-12, `${t.pnl}`);
  assert.equal(b.position('s', 'X/Y'), 3);
  b.mark('s', 'X/Y', 19);
  const open = b.openPositions()[0]!;
  assert.equal(open.side, 'long');
  assert.equal(open.entryPrice, 18);
  assert.ok(Math.abs(open.unrealizedPnl - (3 * 19 - 54 - 0.3)) < 1e-12);
});
