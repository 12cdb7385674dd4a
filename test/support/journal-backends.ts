import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import pg from 'pg';
import { defaultConfig } from '../../config/load.js';
import { openDatabase } from '../../actors/ledger/storage/database.js';
import type { JournalDb } from '../../actors/ledger/storage/journal-db.js';
import type { Migration } from '../../actors/ledger/storage/migration.js';
import type { JournalLocation } from '../../actors/ledger/storage/open-journal.js';
import { openPostgres } from '../../actors/ledger/storage/postgres/open-postgres.js';

/** The real server of the test machine (config's default storage.postgres.url). */
export const POSTGRES_URL = defaultConfig().storage.postgres.url;

export interface JournalBackend {
  name: 'sqlite' | 'postgres';
  /** A journal nobody has written to: a SQLite file in a fresh temp dir, or a fresh PostgreSQL schema; removed after the test. */
  fresh(): JournalLocation;
  /** One migrated connection to `where` (only `migrations`, when given), for what the Store does not reach. */
  openDb(where: JournalLocation, migrations?: readonly Migration[]): JournalDb;
}

let schemas = 0;

const sqlite: JournalBackend = {
  name: 'sqlite',
  fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'arbiter-db-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    return { driver: 'sqlite', dbFile: join(dir, 'arbiter.db') };
  },
  openDb: (where, migrations) => {
    if (where.driver !== 'sqlite') throw new Error('a SQLite connection needs a sqlite location');
    return openDatabase(where.dbFile, { migrations });
  },
};

const postgres: JournalBackend = {
  name: 'postgres',
  fresh() {
    const schema = `test_${process.pid}_${++schemas}_${Math.random().toString(36).slice(2, 8)}`;
    after(() => dropSchema(schema));
    return { driver: 'postgres', postgres: { url: POSTGRES_URL, schema } };
  },
  openDb: (where, migrations) => {
    if (where.driver !== 'postgres') throw new Error('a PostgreSQL connection needs a postgres location');
    return openPostgres(where.postgres, { migrations });
  },
};

/** Each journal test runs once per backend: `for (const backend of backends) test(`${backend.name}: …`, …)`. */
export const backends: readonly JournalBackend[] = [sqlite, postgres];

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
