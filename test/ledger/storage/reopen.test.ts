import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openJournal } from '../../../actors/ledger/storage/open-journal.js';
import { backends } from '../../support/journal-backends.js';

for (const backend of backends) {
  test(`${backend.name}: closing and re-opening the file keeps every journal`, () => {
    const where = backend.fresh();
    const first = openJournal(where);
    first.orders.recordIntent({ intentId: 'x-1', strategy: 'x', venue: 'paper', symbol: 'ETH/USDT', side: 'sell', kind: 'open', type: 'market', amount: 1, price: 1_800 }, 1);
    first.orders.upsertOrder({ clientOrderId: 'x-1-0', intentId: 'x-1', strategy: 'x', venue: 'paper', symbol: 'ETH/USDT', side: 'sell', status: 'unknown', filled: 0, amount: 1, ts: 2 });
    first.snapshots.save('strategy:x', { value: 'quoting', seq: 4 });
    first.equity.record({ ts: 3, equity: 10_001 });
    first.close();

    const again = openJournal(where);
    assert.deepEqual(again.orders.nonTerminalOrders().map((o) => [o.clientOrderId, o.status, o.price]), [['x-1-0', 'unknown', 1_800]]);
    assert.deepEqual(again.snapshots.load('strategy:x'), { value: 'quoting', seq: 4 });
    assert.deepEqual(again.equity.last(), { ts: 3, equity: 10_001 });
    again.close();
  });

  test(`${backend.name}: an order-journal transaction commits all of its writes or none`, () => {
    const where = backend.fresh();
    const store = openJournal(where);
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
    const again = openJournal(where);
    assert.deepEqual(again.orders.nonTerminalOrders().map((o) => o.clientOrderId), ['kept-1', 'kept-2']);
    again.close();
  });
}
