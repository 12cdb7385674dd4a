import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { openStore } from '../../actors/ledger/storage/store.js';
import { PaperVenue } from '../../actors/venues/paper/paper-venue.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import { reconcileOnStart } from '../../supervisors/reconcile.js';
import type { OrderIntent } from '../../actors/risk/intent.js';

const bar = (ts: number, low: number, high: number) => ({ ts, open: 30_000, high, low, close: 30_000, volume: 100 });

test('on start every journaled open order is settled against its venue before trading; the unknowable ones are flagged', async () => {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'arbiter-rec-')), 'j.db'));
  const venue = new PaperVenue({ id: 'paper', balances: { USDT: 100_000, BTC: 1 } });
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

  const result = await reconcileOnStart(store, { paper: venue }, new SimulatedClock(120_000), pino({ level: 'silent' }));
  assert.deepEqual(result.cancelled, ['rests.0']);
  assert.deepEqual(result.settled.sort(), ['fills.0', 'never-sent.0']);
  assert.deepEqual(result.unresolved.map((u) => u.clientOrderId), ['elsewhere.0']);
  assert.equal(store.orders.order('rests.0')?.status, 'cancelled');
  assert.equal((await venue.fetchOrderByClientId('rests.0', 'BTC/USDT'))?.status, 'canceled');
  assert.equal(store.orders.order('never-sent.0')?.status, 'rejected');
  assert.equal(store.orders.fills('fills.0').length, fills.length, 'fills that happened while down are journaled');
  assert.ok(store.orders.order('fills.0')!.filled > 0);
  assert.deepEqual(store.orders.nonTerminalOrders().map((o) => o.clientOrderId), ['elsewhere.0']);
  store.close();
});
