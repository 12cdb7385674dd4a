import Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations/index.js';
import { migrate, type Migration } from './migration.js';
import { checkDbFile } from './check-db-file.js';
import { InputError } from '../../runtime/errors.js';

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
  checkDbFile(file);
  let db: Db | undefined;
  try {
    db = new Database(file);
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5_000}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    migrate(db, opts.migrations ?? allMigrations, file);
    return db;
  } catch (err) {
    db?.close();
    throw asInputError(err, file);
  }
}

/** What SQLite's refusals of a file mean to the person who named it. */
const FILE_ERRORS: Array<[RegExp, string]> = [
  [/^SQLITE_NOTADB/, 'is not a SQLite database'],
  [/^SQLITE_CORRUPT/, 'is a damaged SQLite database'],
  [/^SQLITE_READONLY/, 'cannot be written (read-only file, directory or file system)'],
  [/^SQLITE_CANTOPEN/, 'cannot be opened (missing or unwritable directory, or a path that is not a file)'],
  [/^SQLITE_PERM|^SQLITE_AUTH/, 'cannot be opened: permission denied'],
  [/^SQLITE_FULL/, 'cannot be written: the disk is full'],
  [/^SQLITE_IOERR/, 'cannot be read or written (I/O error)'],
];

function asInputError(err: unknown, file: string): unknown {
  if (!(err instanceof Database.SqliteError)) return err;
  const meaning = FILE_ERRORS.find(([code]) => code.test(err.code))?.[1];
  return meaning ? new InputError(`journal ${file}: ${meaning} (${err.code}: ${err.message})`) : err;
}
