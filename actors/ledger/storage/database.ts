import Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations/index.js';
import { migrate, type Migration } from './migration.js';

export type Db = Database.Database;

/** FULL fsyncs the WAL on every commit; NORMAL survives a process crash (SIGKILL) but may lose the last commits on power loss. */
export type Synchronous = 'FULL' | 'NORMAL';

export interface OpenOptions {
  /** Defaults to every migration in migrations/index.ts. */
  migrations?: readonly Migration[];
  /** Default FULL: the order journal (RELIABILITY R2). */
  synchronous?: Synchronous;
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the SQLite file in WAL mode with synchronous=FULL: a committed journal
 * write survives power loss (RELIABILITY R2; NORMAL may roll back the last commits). Then migrates.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5_000}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    migrate(db, opts.migrations ?? allMigrations, file);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
