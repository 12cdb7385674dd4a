import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openJournal } from '../../../actors/ledger/storage/open-journal.js';
import { openPostgres } from '../../../actors/ledger/storage/postgres/open-postgres.js';
import { PostgresDb } from '../../../actors/ledger/storage/postgres/postgres-db.js';
import { migrations } from '../../../actors/ledger/storage/migrations/index.js';
import type { Migration } from '../../../actors/ledger/storage/migration.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { SyncWorkerError } from '../../../actors/runtime/workers/sync-worker.js';
import { backends, POSTGRES_URL } from '../../support/journal-backends.js';
import { closedPort } from '../../support/ports.js';

const postgres = backends.find((b) => b.name === 'postgres')!;
const fresh = () => {
  const where = postgres.fresh();
  if (where.driver !== 'postgres') throw new Error('postgres backend');
  return where;
};

test('the journal connection commits with synchronous_commit=on, the runtime one off, both in the node\'s own schema', () => {
  const where = fresh();
  const store = openJournal(where);
  const setting = (db: typeof store.db, name: string) => (db.prepare<[], { v: string }>(`SELECT current_setting('${name}') AS v`).get()!).v;
  assert.equal(setting(store.db, 'synchronous_commit'), 'on');
  assert.equal(setting(store.runtimeDb, 'synchronous_commit'), 'off');
  assert.equal(store.db.prepare<[], { s: string }>('SELECT current_schema() AS s').get()!.s, where.postgres.schema);
  const tables = store.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ?').get(where.postgres.schema)!.n;
  assert.equal(tables, 15, 'the 14 journal tables and schema_migrations');
  store.close();
  assert.equal(store.db.open, false);
});

test('a transaction rolls back on a throw; a nested one rolls back to its savepoint only', () => {
  const store = openJournal(fresh());
  const base = { intentId: 'i', strategy: 's', venue: 'paper', symbol: 'BTC/USDT', side: 'buy' as const, status: 'submitted' as const, filled: 0, amount: 1 };
  store.orders.transaction(() => {
    store.orders.upsertOrder({ ...base, clientOrderId: 'outer', ts: 1 });
    assert.throws(() => store.orders.transaction(() => {
      store.orders.upsertOrder({ ...base, clientOrderId: 'inner', ts: 2 });
      throw new Error('inner fails');
    }), /inner fails/);
  });
  assert.deepEqual(store.orders.nonTerminalOrders().map((o) => o.clientOrderId), ['outer']);
  // A statement the server refuses inside a transaction is the transaction's error, and nothing of it stays.
  assert.throws(() => store.orders.transaction(() => {
    store.orders.upsertOrder({ ...base, clientOrderId: 'half', ts: 3 });
    store.orders.upsertOrder({ ...base, clientOrderId: 'bad', status: 'nonsense' as never, ts: 3 });
  }), (err: unknown) => err instanceof SyncWorkerError && err.code === '23514');
  assert.equal(store.orders.order('half'), undefined);
  store.close();
});

test('applied migrations this code does not know are refused, naming storage.postgres', () => {
  const where = fresh();
  const future: Migration = { version: 99, name: 'future', sql: 'CREATE TABLE future (x INTEGER)', postgres: 'CREATE TABLE future (x BIGINT)' };
  openPostgres(where.postgres, { migrations: [...migrations, future] }).close();
  assert.throws(
    () => openJournal(where),
    (err: unknown) => err instanceof InputError && err.shortMessage.includes(`storage.postgres (${POSTGRES_URL}`) && err.shortMessage.includes(where.postgres.schema) && /schema_migrations\.99: applied migration "future" is unknown/.test(err.issues.join()),
  );
});

test('a schema that already holds tables of its own is refused, naming storage.postgres.schema', () => {
  const where = fresh();
  const db = openPostgres(where.postgres, { migrations: [] });
  db.exec('CREATE TABLE intents (id BIGINT)');
  db.close();
  assert.throws(() => openJournal(where), (err: unknown) => err instanceof InputError && err.shortMessage.startsWith(`storage.postgres.schema ${where.postgres.schema}: holds tables this journal did not create`));
});

test('no server at storage.postgres.url is an InputError naming it, at once', async () => {
  const url = `postgres://postgres:secret@127.0.0.1:${await closedPort()}/test`;
  assert.throws(
    () => openJournal({ driver: 'postgres', postgres: { url, schema: 'arbiter' } }),
    (err: unknown) => err instanceof InputError && err.shortMessage.startsWith('storage.postgres.url postgres://postgres:***@127.0.0.1:') && /no PostgreSQL server answers there \(ECONNREFUSED/.test(err.shortMessage),
  );
});

test('a call past its timeout fails instead of hanging, and its connection is unusable afterwards', () => {
  const db = PostgresDb.connect(POSTGRES_URL, { name: 'timeout test', timeoutMs: 300 });
  const t0 = performance.now();
  assert.throws(() => db.query('SELECT pg_sleep(5)'), (err: unknown) => err instanceof SyncWorkerError && err.code === 'SYNC_TIMEOUT');
  assert.ok(performance.now() - t0 < 2_000);
  assert.equal(db.open, false);
  assert.throws(() => db.query('SELECT 1'), (err: unknown) => err instanceof SyncWorkerError && err.code === 'SYNC_CLOSED');
  // The next connection gets a new worker.
  const again = PostgresDb.connect(POSTGRES_URL, { name: 'after' });
  assert.deepEqual(again.query('SELECT 1 AS one').rows, [{ one: 1 }]);
  again.close();
});
