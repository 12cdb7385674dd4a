import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openJournal } from '../../../actors/ledger/storage/open-journal.js';
import { QuantumRebalanceJournal } from '../../../actors/ledger/storage/quantum-rebalance-journal.js';
import { journalObserver } from '../../../actors/ledger/journal-observer.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { backends } from '../../support/journal-backends.js';

const choice = (qaoa: (0 | 1)[], exact: (0 | 1)[]) => ({
  strategy: 'quantum-portfolio', venue: 'paper-quantum_trading', symbols: ['A/BTC', 'B/BTC', 'C/BTC'], closes: [0.1, 0.02, 0.003], value: 0.0083, orders: 2, shots: 256,
  qaoa, exact, qaoaObjective: -2e-5, exactObjective: -3e-5, probabilityOfOptimum: 0.12, uniformProbability: 1 / 3, approximationRatio: 0.74,
});

for (const backend of backends) {
  test(`${backend.name}: quantum.rebalanced messages are journaled under the observer's session, read back per session in order, after reopening`, () => {
    const where = backend.fresh();
    const store = openJournal(where);
    const first: Message = { type: 'quantum.rebalanced', id: 'm1', ts: 1_000, correlationId: 'c', ...choice([1, 1, 0], [1, 0, 1]), index: 1 };
    const second: Message = { type: 'quantum.rebalanced', id: 'm2', ts: 2_000, correlationId: 'c', ...choice([0, 1, 1], [0, 1, 1]), index: 2 };
    const other: Message = { type: 'quantum.rebalanced', id: 'm3', ts: 1_000, correlationId: 'c', ...choice([1, 0, 1], [1, 0, 1]), index: 1 };
    const observe = journalObserver(store, undefined, { book: 'quantum_trading/ledger', session: 's1' });
    observe(first);
    observe(second);
    journalObserver(store, undefined, { session: 's2' })(other);
    store.close();

    const reopened = openJournal(where);
    const journal = new QuantumRebalanceJournal(reopened.runtimeDb);
    const strip = ({ type: _t, id: _i, correlationId: _c, ...rest }: Message<'quantum.rebalanced'>) => rest;
    assert.deepEqual(journal.list('s1'), [strip(first as Message<'quantum.rebalanced'>), strip(second as Message<'quantum.rebalanced'>)]);
    assert.deepEqual(journal.list('s2').map((r) => r.qaoa), [[1, 0, 1]]);
    assert.deepEqual(journal.list('s3'), []);
    reopened.close();
  });
}
