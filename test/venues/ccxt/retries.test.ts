import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArbiterError, VenueUnavailableError } from '../../../actors/runtime/errors.js';
import { SimulatedClock } from '../../../actors/runtime/clock.js';
import type { VenueRetry } from '../../../actors/venues/ccxt/ccxt-venue.js';
import { KEY, startExchange, venueFor } from './fixture.js';

const BTC_BUY = { symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 0.1 } as const;

test('a read that fails twice (5xx) is retried with doubling, jittered delays and then answers; a timed-out read is retried too', async (t) => {
  const ex = await startExchange();
  const sleeps: number[] = [];
  const retries: VenueRetry[] = [];
  const venue = venueFor(ex, sleeps, { network: { retries: 3, backoffBaseMs: 100, backoffMaxMs: 1_000 }, random: () => 0.5, onRetry: (r) => retries.push(r) });
  t.after(async () => { await venue.close(); await ex.close(); });
  await venue.loadMarkets();
  ex.inject({ kind: '5xx', route: 'GET /api/v3/depth', times: 2 });
  const book = await venue.fetchOrderBook('BTC/USDT', 5);
  assert.deepEqual(book.asks[0], [10900, 1]);
  assert.equal(ex.stats.requests['GET /api/v3/depth'], 3);
  // Equal jitter at random 0.5: three quarters of 100, then of 200.
  assert.deepEqual(sleeps, [75, 150]);
  assert.deepEqual(retries.map((r) => [r.op, r.attempt, r.delayMs, r.error instanceof VenueUnavailableError]), [['fetchOrderBook', 1, 75, true], ['fetchOrderBook', 2, 150, true]]);
  assert.equal(venue.retried, 2);

  ex.inject({ kind: 'timeout', route: 'GET /api/v3/account' });
  const balances = await venue.fetchBalance();
  assert.equal(balances.USDT?.total, 100_000);
  assert.equal(ex.stats.requests['GET /api/v3/account'], 2);
  assert.deepEqual(sleeps, [75, 150, 75]);
});

test('retries run out: the read fails with VenueUnavailableError after 1 + retries requests, its delays capped at backoffMaxMs', async (t) => {
  const ex = await startExchange();
  const sleeps: number[] = [];
  const venue = venueFor(ex, sleeps, { network: { retries: 3, backoffBaseMs: 100, backoffMaxMs: 250 }, random: () => 1 });
  t.after(async () => { await venue.close(); await ex.close(); });
  ex.inject({ kind: '5xx', route: 'GET /api/v3/account', times: 10 });
  await assert.rejects(venue.fetchBalance(), VenueUnavailableError);
  assert.equal(ex.stats.requests['GET /api/v3/account'], 4);
  assert.deepEqual(sleeps, [100, 200, 250]);
});

test('retries: 0 sends a read once', async (t) => {
  const ex = await startExchange();
  const sleeps: number[] = [];
  const venue = venueFor(ex, sleeps, { network: { retries: 0 } });
  t.after(async () => { await venue.close(); await ex.close(); });
  ex.inject({ kind: '5xx', route: 'GET /api/v3/account', times: 10 });
  await assert.rejects(venue.fetchBalance(), VenueUnavailableError);
  assert.equal(ex.stats.requests['GET /api/v3/account'], 1);
  assert.deepEqual(sleeps, []);
});

test('an answer that retrying cannot change (a bad signature) is not retried', async (t) => {
  const ex = await startExchange();
  const sleeps: number[] = [];
  const venue = venueFor(ex, sleeps, { credentials: { apiKey: KEY.apiKey, secret: 'not-the-secret' }, network: { retries: 3 } });
  t.after(async () => { await venue.close(); await ex.close(); });
  const err = await venue.fetchBalance().catch((e: unknown) => e);
  assert.ok(err instanceof ArbiterError && !(err instanceof VenueUnavailableError), String(err));
  assert.equal(ex.stats.requests['GET /api/v3/account'], 1);
  assert.deepEqual(sleeps, []);
});

test('a create is sent once whatever happens to it (R3): 5xx before or after the exchange executed it, or a timeout', async (t) => {
  const ex = await startExchange();
  const sleeps: number[] = [];
  const venue = venueFor(ex, sleeps, { network: { retries: 3, backoffBaseMs: 10 } });
  t.after(async () => { await venue.close(); await ex.close(); });
  await venue.loadMarkets();
  const faults = [
    { kind: '5xx', route: 'POST /api/v3/order' },
    { kind: '5xx', route: 'POST /api/v3/order', afterProcessing: true },
    { kind: 'timeout', route: 'POST /api/v3/order', afterProcessing: true },
  ] as const;
  for (const [i, fault] of faults.entries()) {
    ex.inject({ ...fault, times: 10 });
    await assert.rejects(venue.createOrder({ ...BTC_BUY, clientOrderId: `once-${i}`, price: 10_000 }), VenueUnavailableError);
    assert.equal(ex.stats.requests['POST /api/v3/order'], i + 1, `${fault.kind}${'afterProcessing' in fault ? ' after processing' : ''}: one POST`);
    ex.faults.clear();
  }
  assert.deepEqual(sleeps, [], 'no retry wait');
  assert.deepEqual([0, 1, 2].map((i) => ex.state.countByClientId(`once-${i}`)), [0, 1, 1]);
});

test('a cancel is sent once: if it fails, the order is resolved by a query (which is retried)', async (t) => {
  const ex = await startExchange();
  const sleeps: number[] = [];
  const venue = venueFor(ex, sleeps, { network: { retries: 3, backoffBaseMs: 10 } });
  t.after(async () => { await venue.close(); await ex.close(); });
  await venue.createOrder({ ...BTC_BUY, clientOrderId: 'rest-1', price: 10_000 });
  ex.inject({ kind: '5xx', route: 'DELETE /api/v3/order', times: 10 });
  await assert.rejects(venue.cancelOrder('rest-1', 'BTC/USDT'), VenueUnavailableError);
  assert.equal(ex.stats.requests['DELETE /api/v3/order'], 1);
  ex.faults.clear();
  ex.inject({ kind: '5xx', route: 'GET /api/v3/order' });
  assert.equal((await venue.fetchOrderByClientId('rest-1', 'BTC/USDT'))?.status, 'open', 'the cancel did not land');
  assert.equal(ex.stats.requests['GET /api/v3/order'], 2);
  assert.equal(sleeps.length, 1, 'one wait, for the query');
});

test('syncClock times the attempt that answered: a retry wait is not part of the round trip', async (t) => {
  const ex = await startExchange();
  const clock = new SimulatedClock(Date.now());
  // Our clock jumps 10 s during the retry wait and stands still otherwise.
  const venue = venueFor(ex, [], { clock, network: { retries: 1 }, sleep: async () => clock.advance(10_000) });
  t.after(async () => { await venue.close(); await ex.close(); });
  ex.inject({ kind: '5xx', route: 'GET /api/v3/time' });
  const skew = await venue.syncClock();
  assert.equal(ex.stats.requests['GET /api/v3/time'], 2);
  // The exchange is ~10 s behind our clock as it read during the answering attempt (half that if the wait were counted).
  assert.ok(Math.abs(skew + 10_000) < 1_000, `skew ${skew}`);
});
