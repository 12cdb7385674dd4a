import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openJournal } from '../../../actors/ledger/storage/open-journal.js';
import { backends } from '../../support/journal-backends.js';

const journalModule = fileURLToPath(new URL('../../../actors/ledger/storage/open-journal.ts', import.meta.url));

for (const backend of backends) {
  test(`${backend.name}: an order, a snapshot and an equity mark written before SIGKILL are there after restart`, () => {
    const where = backend.fresh();
    const script = `
      const { openJournal } = await import(${JSON.stringify(journalModule)});
      const store = openJournal(${JSON.stringify(where)});
      store.orders.recordIntent({ intentId: 'k-1', strategy: 'k', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', kind: 'open', type: 'limit', amount: 0.001, price: 50000 }, 1);
      store.orders.upsertOrder({ clientOrderId: 'k-1-0', intentId: 'k-1', strategy: 'k', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', status: 'approved', filled: 0, amount: 0.001, ts: 1 });
      store.snapshots.save('strategy:k', { value: 'quoting', context: { seq: 7n } });
      store.equity.record({ ts: 2, equity: 10000.5 });
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(child.signal, 'SIGKILL', child.stderr);

    const store = openJournal(where);
    assert.deepEqual(store.orders.nonTerminalOrders().map((o) => [o.clientOrderId, o.status]), [['k-1-0', 'approved']]);
    assert.equal(store.orders.intent('k-1')?.price, 50_000);
    assert.deepEqual(store.snapshots.load('strategy:k'), { value: 'quoting', context: { seq: 7n } });
    assert.deepEqual(store.equity.last(), { ts: 2, equity: 10_000.5 });
    store.close();
  });
}
