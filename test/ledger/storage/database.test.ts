import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { openDatabase } from '../../../actors/ledger/storage/database.js';
import { openStore } from '../../../actors/ledger/storage/store.js';
import { migrate, type Migration } from '../../../actors/ledger/storage/migration.js';
import { migrations } from '../../../actors/ledger/storage/migrations/index.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { tempDbFile } from './temp-db.js';
import { openJournal } from '../../../actors/ledger/storage/open-journal.js';
import { backends } from '../../support/journal-backends.js';

const TABLES = ['actor_restarts', 'actor_snapshots', 'allocations', 'arb_outcomes', 'dead_letters', 'equity', 'fill_conflicts', 'fills', 'intents', 'models', 'orders', 'positions', 'quantum_rebalances', 'schema_migrations', 'vetoes'];

test('a new file gets WAL, synchronous=FULL and every table', () => {
  const file = tempDbFile();
  const db = openDatabase(file);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('synchronous', { simple: true }), 2, 'synchronous=FULL is 2');
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  assert.deepEqual(tables.map((t) => t.name), TABLES);
  db.close();
  assert.ok(existsSync(file));
});

test('the store journals orders with synchronous=FULL and runtime state with NORMAL, both in WAL', () => {
  const store = openStore(tempDbFile());
  assert.equal(store.db.pragma('synchronous', { simple: true }), 2);
  assert.equal(store.runtimeDb.pragma('synchronous', { simple: true }), 1);
  assert.equal(store.runtimeDb.pragma('journal_mode', { simple: true }), 'wal');
  store.close();
  const strict = openStore(tempDbFile(), { runtimeSynchronous: 'FULL' });
  assert.equal(strict.runtimeDb.pragma('synchronous', { simple: true }), 2);
  strict.close();
});

test('an appended migration is applied on the next open, only that one', () => {
  const file = tempDbFile();
  openDatabase(file).close();
  const extra: Migration = { version: migrations.at(-1)!.version + 1, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER)', postgres: 'CREATE TABLE extra (x BIGINT)' };
  const db = openDatabase(file, { migrations: [...migrations, extra] });
  assert.deepEqual(migrate(db, [...migrations, extra]), []);
  db.prepare('INSERT INTO extra (x) VALUES (1)').run();
  db.close();
});

test('a database migrated by newer code, or with a renamed migration, is refused with the file named', () => {
  const file = tempDbFile();
  const extra: Migration = { version: 99, name: 'future', sql: 'CREATE TABLE future (x INTEGER)', postgres: 'CREATE TABLE future (x BIGINT)' };
  openDatabase(file, { migrations: [...migrations, extra] }).close();
  assert.throws(
    () => openDatabase(file),
    (err: unknown) => err instanceof InputError && err.shortMessage.includes(file) && /schema_migrations\.99: applied migration "future" is unknown/.test(err.issues.join()),
  );
  const renamed = migrations.map((m, i) => (i === 0 ? { ...m, name: 'other' } : m));
  assert.throws(
    () => openDatabase(file, { migrations: [...renamed, extra] }),
    (err: unknown) => err instanceof InputError && /schema_migrations\.1: applied as "journal", this code calls it "other"/.test(err.issues.join()),
  );
});

test('migrations out of order are a programming error', () => {
  const bad: Migration[] = [
    { version: 2, name: 'b', sql: '', postgres: '' },
    { version: 1, name: 'a', sql: '', postgres: '' },
  ];
  assert.throws(() => openDatabase(tempDbFile(), { migrations: bad }), /integer version greater than 2/);
});

for (const backend of backends) {
  test(`${backend.name}: migrations apply once; re-opening applies nothing and keeps the versions`, () => {
    const where = backend.fresh();
    const first = backend.openDb(where);
    const versions = () => first.prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version').all().map((r) => r.version);
    assert.deepEqual(versions(), migrations.map((m) => m.version));
    assert.deepEqual(migrate(first, migrations), [], 'nothing left to apply');
    first.close();

    const again = backend.openDb(where);
    assert.equal(again.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM schema_migrations').get()?.n, migrations.length);
    again.close();
  });

  test(`${backend.name}: a failing migration leaves nothing half-applied`, () => {
    const where = backend.fresh();
    const broken: Migration = { version: 1, name: 'broken', sql: 'CREATE TABLE ok (x INTEGER); CREATE TABLE nope (', postgres: 'CREATE TABLE ok (x BIGINT); CREATE TABLE nope (' };
    assert.throws(() => backend.openDb(where, [broken]), /syntax error|incomplete input/);
    const db = backend.openDb(where, []);
    assert.throws(() => db.prepare('SELECT x FROM ok').all(), /no such table|does not exist/);
    assert.equal(db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM schema_migrations').get()?.n, 0);
    db.close();
  });

  test(`${backend.name}: a journal written before migration 4 keeps every order row, and its orders can then be recorded as lost`, () => {
    const where = backend.fresh();
    const v3 = backend.openDb(where, migrations.filter((m) => m.version <= 3));
    v3.prepare(`INSERT INTO orders (client_order_id, intent_id, strategy, venue, symbol, side, price, amount, filled, status, detail, created_ts, updated_ts)
                VALUES ('mm-a.0', 'mm-a', 'mm', 'paper', 'BTC/USDT', 'buy', 50000, 0.001, 0.0004, 'partially_filled', NULL, 1, 2)`).run();
    assert.throws(() => v3.prepare("UPDATE orders SET status = 'lost'").run(), /check constraint/i);
    v3.close();
    const store = openJournal(where);
    assert.deepEqual(store.orders.nonTerminalOrders(), [
      { clientOrderId: 'mm-a.0', intentId: 'mm-a', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', price: 50_000, amount: 0.001, filled: 0.0004, status: 'partially_filled', createdTs: 1, updatedTs: 2 },
    ]);
    store.orders.upsertOrder({ ...store.orders.order('mm-a.0')!, status: 'lost', ts: 3 });
    assert.equal(store.orders.order('mm-a.0')?.status, 'lost');
    assert.deepEqual(store.orders.nonTerminalOrders(), [], 'lost is final');
    store.close();
  });
}
