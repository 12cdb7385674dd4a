import { test } from 'node:test';
import assert from 'node:assert/strict';
import { migrations } from '../../../actors/ledger/storage/migrations/index.js';
import { openJournal } from '../../../actors/ledger/storage/open-journal.js';
import { journalObserver } from '../../../actors/ledger/journal-observer.js';
import { backends } from '../../support/journal-backends.js';

for (const backend of backends) {
  test(`${backend.name}: migration 006 on a file written before it: old equity rows get book and session "", new rows keep theirs`, () => {
    const where = backend.fresh();
    const old = backend.openDb(where, migrations.filter((m) => m.version <= 5));
    old.prepare('INSERT INTO equity (ts, equity) VALUES (?, ?)').run(1_000, 10_000);
    old.prepare('INSERT INTO equity (ts, equity) VALUES (?, ?)').run(2_000, 10_010);
    assert.deepEqual(Object.keys(old.prepare<[], object>('SELECT * FROM equity').get()!).sort(), ['equity', 'id', 'ts'], 'no book or session yet');
    old.close();

    const store = openJournal(where);
    store.equity.record({ ts: 3_000, equity: 5_000, book: 'arbitrage', session: 's1' });
    store.equity.record({ ts: 3_000, equity: 3_000, book: 'market_making', session: 's1' });
    store.equity.record({ ts: 3_000, equity: 1, book: 'arbitrage', session: 's2' });
    store.equity.record({ ts: 4_000, equity: 10_020 });
    store.close();

    const db = backend.openDb(where);
    assert.deepEqual(db.prepare('SELECT ts, equity, book, session FROM equity WHERE ts < 3000 ORDER BY ts').all(), [
      { ts: 1_000, equity: 10_000, book: '', session: '' },
      { ts: 2_000, equity: 10_010, book: '', session: '' },
    ]);
    const indexes = backend.name === 'sqlite' ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?" : 'SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?';
    assert.ok(db.prepare(indexes).get('equity_session_book'), 'the session index exists');
    db.close();

    const again = openJournal(where);
    assert.deepEqual(again.equity.ofSession('s1'), [
      { ts: 3_000, equity: 5_000, book: 'arbitrage', session: 's1' },
      { ts: 3_000, equity: 3_000, book: 'market_making', session: 's1' },
    ]);
    assert.deepEqual(again.equity.ofSession(''), [
      { ts: 1_000, equity: 10_000, book: '', session: '' },
      { ts: 2_000, equity: 10_010, book: '', session: '' },
      { ts: 4_000, equity: 10_020, book: '', session: '' },
    ]);
    assert.deepEqual(again.equity.last(), { ts: 4_000, equity: 10_020 }, 'the readers of one curve per file still read every row');
    again.close();
  });

  test(`${backend.name}: the journal observer records equity marks under the book and session it was given`, () => {
    const where = backend.fresh();
    const store = openJournal(where);
    const meta = { correlationId: 'c', type: 'equity.marked' as const, capital: 1_000 };
    journalObserver(store, undefined, { book: 'arbitrage/ledger', session: 'run-7' })({ ...meta, id: 'm1', ts: 5, equity: 1_001 });
    journalObserver(store)({ ...meta, id: 'm2', ts: 6, equity: 999 });
    assert.deepEqual(store.equity.ofSession('run-7'), [{ ts: 5, equity: 1_001, book: 'arbitrage/ledger', session: 'run-7' }]);
    assert.deepEqual(store.equity.ofSession(''), [{ ts: 6, equity: 999, book: '', session: '' }]);
    store.close();
  });
}
