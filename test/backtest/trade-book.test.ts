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

test('several markets of one strategy: shared cash, a position and a round per market', () => {
  const b = new TradeBook([{ strategy: 'q', symbols: ['A/Q', 'B/Q'], capital: 1000 }, { strategy: 's', symbols: ['A/Q'], capital: 500 }]);
  const at = (symbol: string, side: 'buy' | 'sell', price: number, amount: number, fee: number, ts: number): Fill => ({ ...fill(side, price, amount, fee, ts), strategy: 'q', symbol });
  assert.equal(b.inMarket('q'), false);
  b.record(at('A/Q', 'buy', 100, 2, 0.2, 1));
  b.record(at('B/Q', 'buy', 10, 10, 0.1, 2));
  assert.deepEqual([b.position('q', 'A/Q'), b.position('q', 'B/Q'), b.position('s', 'A/Q')], [2, 10, 0]);
  assert.equal(b.inMarket('q'), true);
  assert.equal(b.inMarket('s'), false, 'another strategy on the same market is its own book');
  b.mark('q', 'A/Q', 110);
  b.mark('q', 'B/Q', 9);
  assert.ok(Math.abs(b.equity('q') - (1000 - 200.2 - 100.1 + 220 + 90)) < 1e-9);

  b.record(at('A/Q', 'sell', 120, 2, 0.24, 3));
  assert.equal(b.trades.length, 1, 'A closed its round; B is still open');
  const a = b.trades[0]!;
  assert.deepEqual([a.strategy, a.symbol, a.side, a.entryPrice, a.exitPrice, a.qty], ['q', 'A/Q', 'long', 100, 120, 2]);
  assert.ok(Math.abs(a.pnl - (240 - 200 - 0.44)) < 1e-12);
  assert.equal(b.inMarket('q'), true);
  const open = b.openPositions();
  assert.deepEqual(open.map((o) => [o.strategy, o.symbol, o.qty, o.markPrice]), [['q', 'B/Q', 10, 9]]);
  assert.ok(Math.abs(open[0]!.unrealizedPnl - (90 - 100 - 0.1)) < 1e-12);

  b.record(at('B/Q', 'sell', 8, 10, 0.08, 4));
  assert.equal(b.inMarket('q'), false);
  assert.ok(Math.abs(b.trades[1]!.pnl - (80 - 100 - 0.18)) < 1e-12);
  assert.ok(Math.abs(b.equity('q') - (1000 + 39.56 - 20.18)) < 1e-9, 'cash alone once flat');
  assert.equal(b.tradedNotional('q'), 200 + 100 + 240 + 80);
  assert.equal(b.equity('s'), 500);
});

test('a market or strategy the book was not given is an error, not a silent new book', () => {
  const b = new TradeBook([{ strategy: 'q', symbols: ['A/Q'], capital: 1000 }]);
  assert.throws(() => b.record({ ...fill('buy', 1, 1, 0), strategy: 'q', symbol: 'C/Q' }), /does not trade C\/Q/);
  assert.throws(() => b.mark('q', 'C/Q', 1), /does not trade C\/Q/);
  assert.throws(() => b.position('x', 'A/Q'), /no allocation for strategy x/);
});
