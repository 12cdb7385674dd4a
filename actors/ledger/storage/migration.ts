import { InputError } from '../../runtime/errors.js';
import { dialectOf, type Dialect, type JournalDb } from './journal-db.js';

/**
 * One schema step. Versions are positive integers, strictly increasing; a shipped migration never changes.
 * `sql` is SQLite's text, `postgres` PostgreSQL's: the same tables, columns and indexes (test/ledger/storage/
 * migration-parity.test.ts compares them after migrating both).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  postgres: string;
}

const CREATE_TABLE: Record<Dialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)`,
  postgres: `CREATE TABLE IF NOT EXISTS schema_migrations (
  version BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
)`,
};

/**
 * Applies, in order and each in its own IMMEDIATE transaction, the migrations the database lacks.
 * Re-opening is idempotent. Returns the versions applied now.
 */
export function migrate(db: JournalDb, migrations: readonly Migration[], source = db.name): number[] {
  checkOrder(migrations);
  const dialect = dialectOf(db);
  db.exec(CREATE_TABLE[dialect]);
  const applied = () => new Map(db.prepare<[], { version: number; name: string }>('SELECT version, name FROM schema_migrations').all().map((r) => [r.version, r.name]));
  checkKnown(applied(), migrations, source);

  const insert = db.prepare<[number, string]>('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  const done: number[] = [];
  for (const m of migrations) {
    const step = db.transaction(() => {
      // PostgreSQL's BEGIN takes no write lock: this is IMMEDIATE's, against another process migrating the same schema.
      if (dialect === 'postgres') db.exec('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      // Re-read inside the write lock: another process may have applied it since.
      if (applied().has(m.version)) return;
      db.exec(dialect === 'postgres' ? m.postgres : m.sql);
      insert.run(m.version, m.name);
      done.push(m.version);
    });
    step.immediate();
  }
  return done;
}

function checkOrder(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`migration ${m.version} (${m.name}) must have an integer version greater than ${previous}`);
    }
    previous = m.version;
  }
}

function checkKnown(applied: Map<number, string>, migrations: readonly Migration[], source: string): void {
  const known = new Map(migrations.map((m) => [m.version, m.name]));
  const issues: string[] = [];
  for (const [version, name] of applied) {
    const expected = known.get(version);
    if (expected === undefined) issues.push(`schema_migrations.${version}: applied migration "${name}" is unknown to this code (newer database?)`);
    else if (expected !== name) issues.push(`schema_migrations.${version}: applied as "${name}", this code calls it "${expected}"`);
  }
  if (issues.length > 0) throw new InputError(`database ${source} does not match this code's migrations`, issues);
}
