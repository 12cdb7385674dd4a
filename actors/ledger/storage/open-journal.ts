import type { Migration } from './migration.js';
import { describePostgres, openPostgres, type PostgresLocation } from './postgres/open-postgres.js';
import { openStore, Store } from './store.js';

/** Config `storage` (or a part of it): the SQLite file `dbFile`, or the schema `postgres.schema` at `postgres.url`. */
export type JournalLocation = { driver: 'sqlite'; dbFile: string } | { driver: 'postgres'; postgres: PostgresLocation };

export interface OpenJournalOptions {
  /** Defaults to every migration in migrations/index.ts. */
  migrations?: readonly Migration[];
}

/**
 * The journal `storage` names, migrated, as a Store. PostgreSQL gets two connections to the node's schema, as
 * SQLite gets two to the file: the journal's with synchronous_commit=on (R2), the runtime's with off (NORMAL's analogue).
 */
export function openJournal(storage: JournalLocation, opts: OpenJournalOptions = {}): Store {
  if (storage.driver === 'sqlite') return openStore(storage.dbFile, opts);
  const db = openPostgres(storage.postgres, { ...opts, synchronousCommit: 'on' });
  try {
    return new Store(db, openPostgres(storage.postgres, { ...opts, synchronousCommit: 'off' }));
  } catch (err) {
    db.close();
    throw err;
  }
}

/** The journal's file, or its PostgreSQL URL (no password) and schema: for logs and the session summary. */
export function describeJournal(storage: JournalLocation): string {
  return storage.driver === 'sqlite' ? storage.dbFile : describePostgres(storage.postgres);
}

/** A session's journal: its `journal` (config `storage`), else the SQLite file `dbFile` (the `--db` flag, tests). */
export function sessionJournal(options: { dbFile: string; journal?: JournalLocation }): JournalLocation {
  return options.journal ?? { driver: 'sqlite', dbFile: options.dbFile };
}
