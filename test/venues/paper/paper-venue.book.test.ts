import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PaperVenue } from '../../../actors/venues/paper/paper-venue.js';
import { OrderRejectedError } from '../../../actors/runtime/errors.js';
import type { OrderBook } from '../../../actors/market-data/types.js';
import { sampleBook } from '../../execution/real-books.js';

const close = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) <= eps, `${a} ≉ ${b}`);
const eth = (): OrderBook => ({ ...sampleBook('bitstamp', 'ethusd'), venue: 'paper', symbol: 'ETH/USD' });
const shifted = (book: OrderBook, by: number, ts: number): OrderBook => ({
  ...book, ts, bids: book.bids.map(([p, a]) => [p + by, a] as const), asks: book.asks.map(([p, a]) => [p + by, a] as const),
});

function venue(balances: Record<string, number> = { USD: 100_000, ETH: 10 }) {
  const v = new PaperVenue({ balances, fees: { maker: 0.0005, taker: 0.002 } });
  v.onBook(eth());
  return v;
}

test('a market buy walks the real Bitstamp asks: VWAP price, taker fee, balances move exactly', async () => {
  const v = venue();
  const o = await v.createOrder({ clientOrderId: 'a.0', symbol: 'ETH/USD', side: 'buy', type: 'market', amount: 10 });
  const cost = 8.26964788 * 3805.47 + (10 - 8.26964788) * 3805.83;
  assert.equal(o.status, 'closed');
  assert.equal(o.fills.length, 1);
  close(o.fills[0]!.price, cost / 10);
  close(o.fills[0]!.fee, cost * 0.002);
  assert.equal(o.fills[0]!.liquidity, 'taker');
  const b = await v.fetchBalance();
  close(b.USD!.free, 100_000 - cost * 1.002);
  close(b.USD!.used, 0);
  close(b.ETH!.total, 20);
});

test('a market order larger than the visible book fills partially; the rest expires and its funds are freed', async () => {
  const v = venue({ USD: 0, ETH: 5_000 });
  const depth = eth().bids.reduce((s, [, a]) => s + a, 0);
  const o = await v.createOrder({ clientOrderId: 'b.0', symbol: 'ETH/USD', side: 'sell', type: 'market', amount: depth + 100 });
  assert.equal(o.status, 'canceled');
  close(o.filled, depth);
  const b = await v.fetchBalance();
  close(b.ETH!.free, 5_000 - depth);
  close(b.ETH!.used, 0);
  assert.ok(b.USD!.free > 0);
});

test('a limit buy below the ask rests, then fills as maker at its price when a later book crosses it', async () => {
  const v = venue();
  const o = await v.createOrder({ clientOrderId: 'c.0', symbol: 'ETH/USD', side: 'buy', type: 'limit', amount: 5, price: 3_800 });
  assert.equal(o.status, 'open');
  assert.equal(o.filled, 0);
  close((await v.fetchBalance()).USD!.used, 5 * 3_800 * 1.002);
  // The same recorded book 5.00 lower: best ask 3,800.47 is still above the limit.
  assert.deepEqual(v.onBook(shifted(eth(), -5, 2)), []);
  // 6.00 lower: the first ask level (8.27 ETH at 3,799.47) crosses.
  const fills = v.onBook(shifted(eth(), -6, 3));
  assert.equal(fills.length, 1);
  assert.equal(fills[0]!.price, 3_800);
  assert.equal(fills[0]!.liquidity, 'maker');
  assert.equal(fills[0]!.amount, 5);
  assert.equal(fills[0]!.ts, 3);
  const after = await v.fetchOrderByClientId('c.0', 'ETH/USD');
  assert.equal(after?.status, 'closed');
  const b = await v.fetchBalance();
  close(b.USD!.used, 0);
  close(b.USD!.free, 100_000 - 5 * 3_800 * 1.0005);
});

test('a crossing limit order takes what is at or better than its price, rests the remainder', async () => {
  const v = venue({ USD: 200_000 });
  const o = await v.createOrder({ clientOrderId: 'd.0', symbol: 'ETH/USD', side: 'buy', type: 'limit', amount: 30, price: 3_805.83 });
  close(o.filled, 8.26964788 + 13.07397578);
  assert.equal(o.status, 'open');
  assert.equal(o.fills[0]!.liquidity, 'taker');
  const cancelled = await v.cancelOrder('d.0', 'ETH/USD');
  assert.equal(cancelled.status, 'canceled');
  close((await v.fetchBalance()).USD!.used, 0);
});

test('insufficient funds is an OrderRejectedError and records nothing', async () => {
  const v = venue({ USD: 1_000, ETH: 0 });
  await assert.rejects(v.createOrder({ clientOrderId: 'e.0', symbol: 'ETH/USD', side: 'buy', type: 'limit', amount: 1, price: 3_800 }), OrderRejectedError);
  await assert.rejects(v.createOrder({ clientOrderId: 'e.1', symbol: 'ETH/USD', side: 'sell', type: 'market', amount: 0.1 }), /insufficient ETH/);
  assert.equal(await v.fetchOrderByClientId('e.0', 'ETH/USD'), undefined);
  await assert.rejects(v.createOrder({ clientOrderId: 'e.2', symbol: 'BTC/USD', side: 'buy', type: 'market', amount: 1 }), /no market data for BTC\/USD/);
});

test('createOrder with an existing clientOrderId returns the existing order, never a second one', async () => {
  const v = venue();
  const req = { clientOrderId: 'f.0', symbol: 'ETH/USD', side: 'buy' as const, type: 'market' as const, amount: 1 };
  const first = await v.createOrder(req);
  const before = await v.fetchBalance();
  const again = await v.createOrder(req);
  assert.deepEqual(again, first);
  assert.deepEqual(await v.fetchBalance(), before);
});

test('fetchOrderBook returns the latest book (limited), unknown orders are refused, a closed venue is unavailable', async () => {
  const v = venue();
  const b = await v.fetchOrderBook('ETH/USD', 5);
  assert.equal(b.bids.length, 5);
  assert.equal(b.asks[0]![0], 3805.47);
  await assert.rejects(v.fetchOrderBook('BTC/USD'), /no book recorded for BTC\/USD/);
  await assert.rejects(v.cancelOrder('nope.0', 'ETH/USD'), OrderRejectedError);
  await v.close();
  await assert.rejects(v.fetchBalance(), /closed/);
});

test('liquidity taken is gone until the next recorded book: a second market order walks deeper', async () => {
  const v = venue();
  const a = await v.createOrder({ clientOrderId: 'g.0', symbol: 'ETH/USD', side: 'buy', type: 'market', amount: 8 });
  close(a.fills[0]!.price, 3805.47);
  const b = await v.createOrder({ clientOrderId: 'g.1', symbol: 'ETH/USD', side: 'buy', type: 'market', amount: 1 });
  // 0.26964788 left at 3,805.47, then 3,805.83.
  close(b.fills[0]!.price, 0.26964788 * 3805.47 + 0.73035212 * 3805.83);
  const top = await v.fetchOrderBook('ETH/USD', 1);
  close(top.asks[0]![1], 13.07397578 - 0.73035212);
  v.onBook(eth());
  close((await v.fetchOrderBook('ETH/USD', 1)).asks[0]![1], 8.26964788);
});
