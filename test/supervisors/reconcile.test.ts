import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { openStore } from '../../actors/ledger/storage/store.js';
import { PaperVenue } from '../../actors/venues/paper/paper-venue.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import { reconcileWithVenues } from '../../supervisors/reconcile.js';
import type { OrderIntent } from '../../actors/risk/intent.js';

const bar = (ts: number, low: number, high: number) => ({ ts, open: 30_000, high, low, close: 30_000, volume: 100 });

test('on start every journaled open order is settled against its venue before trading; the unknowable ones are flagged', async () => {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'arbiter-rec-')), 'j.db'));
  // Standing in for an exchange that outlives us: an order it never saw was never placed.
  const venue = new PaperVenue({ id: 'paper', balances: { USDT: 100_000, BTC: 1 }, inProcess: false });
  venue.onCandle('BTC/USDT', bar(0, 29_990, 30_010));
  const journal = (id: string, price: number, venueId = 'paper', send = true) => {
    const intent: OrderIntent = { intentId: id, strategy: 's', venue: venueId, symbol: 'BTC/USDT', side: 'buy', kind: 'open', type: 'limit', amount: 0.01, price };
    store.orders.recordIntent(intent, 1);
    store.orders.upsertOrder({ clientOrderId: `${id}.0`, intentId: id, strategy: 's', venue: venueId, symbol: 'BTC/USDT', side: 'buy', status: 'submitted', filled: 0, amount: 0.01, ts: 1 });
    return send ? venue.createOrder({ clientOrderId: `${id}.0`, symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 0.01, price }) : undefined;
  };
  await journal('rests', 29_000);
  await journal('fills', 29_950);
  await journal('never-sent', 29_000, 'paper', false);
  await journal('elsewhere', 29_000, 'gone-venue', false);
  const fills = venue.onCandle('BTC/USDT', bar(60_000, 29_900, 30_000));
  assert.ok(fills.length > 0, 'the crossed order filled while "we" were down');

  const result = await reconcileWithVenues(store, { paper: venue }, new SimulatedClock(120_000), pino({ level: 'silent' }));
  assert.deepEqual(result.cancelled, ['rests.0']);
  assert.deepEqual(result.settled.sort(), ['fills.0', 'never-sent.0']);
  assert.deepEqual(result.unresolved.map((u) => u.clientOrderId), ['elsewhere.0']);
  assert.deepEqual(result.lost, []);
  assert.equal(store.orders.order('rests.0')?.status, 'cancelled');
  assert.equal((await venue.fetchOrderByClientId('rests.0', 'BTC/USDT'))?.status, 'canceled');
  assert.equal(store.orders.order('never-sent.0')?.status, 'rejected');
  assert.equal(store.orders.fills('fills.0').length, fills.length, 'fills that happened while down are journaled');
  // And returned, for risk (built with the positions the journal held before) to hear of them; a second start learns nothing new.
  assert.deepEqual(result.fills.map((f) => [f.fillId, f.intentId, f.strategy]), fills.map((f) => [f.fillId, 'fills', 's']));
  store.orders.upsertOrder({ ...store.orders.order('fills.0')!, status: 'submitted', ts: 2 });
  assert.deepEqual((await reconcileWithVenues(store, { paper: venue }, new SimulatedClock(180_000), pino({ level: 'silent' }))).fills, []);
  assert.ok(store.orders.order('fills.0')!.filled > 0);
  assert.deepEqual(store.orders.nonTerminalOrders().map((o) => o.clientOrderId), ['elsewhere.0']);
  store.close();
});

test('orders of an in-process venue from a run that died are lost with the process, counted apart, and final', async () => {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'arbiter-rec-')), 'j.db'));
  for (const [id, status, filled] of [['rested', 'submitted', 0], ['half', 'partially_filled', 0.004]] as const) {
    const intent: OrderIntent = { intentId: id, strategy: 's', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', kind: 'open', type: 'limit', amount: 0.01, price: 29_000 };
    store.orders.recordSubmission(intent, { clientOrderId: `${id}.0`, intentId: id, strategy: 's', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', status, filled, amount: 0.01, ts: 1 });
  }
  // The restarted process has a new paper venue: it never saw those orders, and nobody else can have.
  const restarted = new PaperVenue({ id: 'paper', balances: { USDT: 100_000, BTC: 1 } });
  const result = await reconcileWithVenues(store, { paper: restarted }, new SimulatedClock(120_000), pino({ level: 'silent' }));
  assert.deepEqual(result.lost.sort(), ['half.0', 'rested.0']);
  assert.deepEqual([result.settled, result.cancelled, result.unresolved], [[], [], []]);
  const half = store.orders.order('half.0')!;
  assert.equal(half.status, 'lost');
  assert.equal(half.filled, 0.004, 'what filled before the crash stays journaled');
  assert.match(half.detail ?? '', /^lost with the process: venue paper keeps its orders in memory/);
  assert.deepEqual(store.orders.nonTerminalOrders(), [], 'lost is final: the next start does not look again');
  store.close();
});
