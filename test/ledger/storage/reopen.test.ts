import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../../actors/ledger/storage/store.js';
import { tempDbFile } from './temp-db.js';

test('closing and re-opening the file keeps every journal', () => {
  const file = tempDbFile();
  const first = openStore(file);
  first.orders.recordIntent({ intentId: 'x-1', strategy: 'x', venue: 'paper', symbol: 'ETH/USDT', side: 'sell', kind: 'open', type: 'market', amount: 1, price: 1_800 }, 1);
  first.orders.upsertOrder({ clientOrderId: 'x-1-0', intentId: 'x-1', strategy: 'x', venue: 'paper', symbol: 'ETH/USDT', side: 'sell', status: 'unknown', filled: 0, amount: 1, ts: 2 });
  first.snapshots.save('strategy:x', { value: 'quoting', seq: 4 });
  first.equity.record({ ts: 3, equity: 10_001 });
  first.close();

  const again = openStore(file);
  assert.deepEqual(again.orders.nonTerminalOrders().map((o) => [o.clientOrderId, o.status, o.price]), [['x-1-0', 'unknown', 1_800]]);
  assert.deepEqual(again.snapshots.load('strategy:x'), { value: 'quoting', seq: 4 });
  assert.deepEqual(again.equity.last(), { ts: 3, equity: 10_001 });
  again.close();
});

test('an order-journal transaction commits all of its writes or none', () => {
  const file = tempDbFile();
  const store = openStore(file);
  const base = { intentId: 'i', strategy: 's', venue: 'paper', symbol: 'BTC/USDT', side: 'buy' as const, status: 'approved' as const, filled: 0, amount: 1 };
  assert.throws(() =>
    store.orders.transaction(() => {
      store.orders.upsertOrder({ ...base, clientOrderId: 'lost', ts: 1 });
      throw new Error('abort');
    }),
  );
  store.orders.transaction(() => {
    store.orders.upsertOrder({ ...base, clientOrderId: 'kept-1', ts: 2 });
    store.orders.upsertOrder({ ...base, clientOrderId: 'kept-2', ts: 3 });
  });
  store.close();
  const again = openStore(file);
  assert.deepEqual(again.orders.nonTerminalOrders().map((o) => o.clientOrderId), ['kept-1', 'kept-2']);
  again.close();
});
