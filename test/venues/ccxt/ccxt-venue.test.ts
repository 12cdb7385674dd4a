import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OrderRejectedError, RateLimitedError, VenueUnavailableError } from '../../../actors/runtime/errors.js';
import { startExchange, venueFor } from './fixture.js';

test('real ccxt binance trades against the local exchange: fill, balances, fetch by clientOrderId, cancel', async (t) => {
  const ex = await startExchange();
  const venue = venueFor(ex);
  t.after(async () => { await venue.close(); await ex.close(); });
  const filled = await venue.createOrder({ clientOrderId: 'arb-1', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 1.5, price: 10910 });
  assert.equal(filled.status, 'closed');
  assert.equal(filled.filled, 1.5);
  assert.deepEqual(filled.fills.map((f) => [f.price, f.amount]), [[10900, 1], [10910, 0.5]]);
  assert.ok(Math.abs(filled.fills[0]!.fee - 0.001 * 10900) < 1e-9, 'fee taken in BTC, reported in quote');
  const bal = await venue.fetchBalance();
  assert.ok(Math.abs(bal.USDT!.total - (100_000 - 10900 - 0.5 * 10910)) < 1e-6);
  assert.ok(Math.abs(bal.BTC!.total - (2 + 1.5 * 0.999)) < 1e-9);

  const resting = await venue.createOrder({ clientOrderId: 'arb-2', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 0.1, price: 10000 });
  assert.equal(resting.status, 'open');
  assert.equal((await venue.fetchBalance()).USDT!.used, 1000);
  const seen = await venue.fetchOrderByClientId('arb-2', 'BTC/USDT');
  assert.equal(seen?.status, 'open');
  assert.equal((await venue.cancelOrder('arb-2', 'BTC/USDT')).status, 'canceled');
  assert.equal((await venue.fetchBalance()).USDT!.used, 0);
  assert.equal(await venue.fetchOrderByClientId('never-sent', 'BTC/USDT'), undefined);
  const again = await venue.fetchOrderByClientId('arb-1', 'BTC/USDT');
  assert.equal(again?.fills.length, 0, 'fills already reported are not reported twice');
  const book = await venue.fetchOrderBook('BTC/USDT', 5);
  assert.deepEqual(book.asks[0], [10910, 1.5]);
});

test('rejections map to OrderRejectedError: insufficient funds, LOT_SIZE, MIN_NOTIONAL', async (t) => {
  const ex = await startExchange();
  const venue = venueFor(ex);
  t.after(async () => { await venue.close(); await ex.close(); });
  await assert.rejects(venue.createOrder({ clientOrderId: 'r1', symbol: 'BTC/USDT', side: 'sell', type: 'limit', amount: 5, price: 11000 }), OrderRejectedError);
  await assert.rejects(venue.createOrder({ clientOrderId: 'r2', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 0.0000001, price: 10000 }), OrderRejectedError);
  await assert.rejects(venue.createOrder({ clientOrderId: 'r3', symbol: 'ETH/USDT', side: 'buy', type: 'limit', amount: 0.00001, price: 300 }), OrderRejectedError);
});

test('a create that times out after the exchange accepted it is UNKNOWN, then found by clientOrderId; a retry under the same id is not duplicated', async (t) => {
  const ex = await startExchange();
  const venue = venueFor(ex);
  t.after(async () => { await venue.close(); await ex.close(); });
  await venue.fetchBalance();
  ex.inject({ kind: 'timeout', route: 'POST /api/v3/order', afterProcessing: true });
  await assert.rejects(venue.createOrder({ clientOrderId: 'unk-1', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 0.2, price: 10900 }), VenueUnavailableError);
  const found = await venue.fetchOrderByClientId('unk-1', 'BTC/USDT');
  assert.equal(found?.status, 'closed');
  assert.equal(found?.filled, 0.2);
  assert.equal(found?.fills.length, 1);
  const retried = await venue.createOrder({ clientOrderId: 'unk-1', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 0.2, price: 10900 });
  assert.equal(retried.venueOrderId, found?.venueOrderId);
  assert.equal(ex.state.countByClientId('unk-1'), 1);
});

test('a 5xx on create is UNKNOWN whether or not the exchange executed it; neither is lost nor duplicated', async (t) => {
  const ex = await startExchange();
  const venue = venueFor(ex);
  t.after(async () => { await venue.close(); await ex.close(); });
  ex.inject({ kind: '5xx', route: 'POST /api/v3/order', afterProcessing: true });
  await assert.rejects(venue.createOrder({ clientOrderId: 'x-1', symbol: 'ETH/USDT', side: 'buy', type: 'limit', amount: 1, price: 350.2 }), VenueUnavailableError);
  assert.equal((await venue.fetchOrderByClientId('x-1', 'ETH/USDT'))?.filled, 1);
  ex.inject({ kind: '5xx', route: 'POST /api/v3/order' });
  await assert.rejects(venue.createOrder({ clientOrderId: 'x-2', symbol: 'ETH/USDT', side: 'buy', type: 'limit', amount: 1, price: 350.2 }), VenueUnavailableError);
  assert.equal(await venue.fetchOrderByClientId('x-2', 'ETH/USDT'), undefined, 'not executed: safe to submit again under the same id');
  await venue.createOrder({ clientOrderId: 'x-2', symbol: 'ETH/USDT', side: 'buy', type: 'limit', amount: 1, price: 350.2 });
  assert.equal(ex.state.countByClientId('x-1') + ex.state.countByClientId('x-2'), 2);
});

test('a 429 pauses every call for its Retry-After: the exchange never has to ban (418)', async (t) => {
  const ex = await startExchange();
  const sleeps: number[] = [];
  const venue = venueFor(ex, sleeps);
  t.after(async () => { await venue.close(); await ex.close(); });
  await venue.fetchBalance();
  ex.inject({ kind: '429', route: 'GET /api/v3/account', retryAfterSec: 1 });
  const err = await venue.fetchBalance().catch((e: unknown) => e);
  assert.ok(err instanceof RateLimitedError);
  assert.equal(err.retryAfterMs, 1000);
  await venue.fetchBalance();
  await venue.fetchOrderBook('BTC/USDT');
  assert.equal(sleeps.length, 1, 'the next call waited');
  assert.ok(sleeps[0]! > 800 && sleeps[0]! <= 1000, `waited ${sleeps[0]}ms`);
  assert.equal(ex.stats.rateLimited, 1);
  assert.equal(ex.stats.bans, 0);
});

test('markets that failed to load (a 429 on exchangeInfo) are loaded again by the next call, not failed for ever', async (t) => {
  const ex = await startExchange();
  const venue = venueFor(ex);
  t.after(async () => { await venue.close(); await ex.close(); });
  ex.inject({ kind: '429', route: 'GET /api/v3/exchangeInfo', retryAfterSec: 1 });
  const err = await venue.fetchOrderBook('BTC/USDT').catch((e: unknown) => e);
  assert.ok(err instanceof RateLimitedError, String(err));
  // ccxt would hand back its failed load; the venue asks it to load again.
  const book = await venue.fetchOrderBook('BTC/USDT');
  assert.ok(book.bids.length > 0 && book.asks.length > 0);
  assert.equal(ex.stats.rateLimited, 1);
});

test('clock skew: -1021 is corrected by measuring the exchange clock; the order is placed once', async (t) => {
  const ex = await startExchange();
  const venue = venueFor(ex);
  t.after(async () => { await venue.close(); await ex.close(); });
  await venue.fetchBalance();
  ex.clockSkewMs = -30_000; // the exchange runs 30 s behind us: our timestamps look 30 s in its future
  const o = await venue.createOrder({ clientOrderId: 'skew-1', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 0.1, price: 10900 });
  assert.equal(o.status, 'closed');
  assert.equal(ex.stats.timestampRejections, 1);
  assert.ok(Math.abs(venue.clockSkewMs + 30_000) < 500, `measured ${venue.clockSkewMs}`);
  assert.equal(ex.state.countByClientId('skew-1'), 1);
  await venue.fetchBalance();
  assert.equal(ex.stats.timestampRejections, 1, 'no further rejections once corrected');
});

test('market orders: the venue sends the exact base amount; a quote-sized market buy (quoteOrderQty) also works', async (t) => {
  const ex = await startExchange();
  const venue = venueFor(ex);
  t.after(async () => { await venue.close(); await ex.close(); });
  const o = await venue.createOrder({ clientOrderId: 'm-1', symbol: 'BTC/USDT', side: 'buy', type: 'market', amount: 1.2, price: 10_900 });
  assert.equal(o.status, 'closed');
  assert.equal(o.filled, 1.2);
  assert.deepEqual(o.fills.map((f) => [f.price, f.amount]), [[10900, 1], [10910, 0.2]]);
  const raw = await venue.exchange.createOrder('BTC/USDT', 'market', 'buy', 0.1, 10_910, { clientOrderId: 'm-2' });
  assert.equal(raw.filled, 0.1, 'ccxt sent quoteOrderQty = 0.1 × 10,910 and the exchange bought 0.1');
  const sell = await venue.createOrder({ clientOrderId: 'm-3', symbol: 'BTC/USDT', side: 'sell', type: 'market', amount: 2.5, price: 10_890 });
  assert.equal(sell.filled, 2.5);
  assert.equal(sell.fills.at(-1)!.price, 10_880);
});
