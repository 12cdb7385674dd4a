import Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations/index.js';
import { migrate, type Migration } from './migration.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Defaults to every migration in migrations/index.ts. */
  migrations?: readonly Migration[];
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the SQLite file with WAL and synchronous=FULL: a committed journal write
 * survives power loss (RELIABILITY R2; NORMAL may roll back the last commits). Then migrates.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: opts.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db, opts.migrations ?? allMigrations, file);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
