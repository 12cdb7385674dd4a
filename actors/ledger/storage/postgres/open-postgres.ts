import { InputError } from '../../../runtime/errors.js';
import { shownUrl } from '../../../runtime/shown-url.js';
import { SyncWorkerError } from '../../../runtime/workers/sync-worker.js';
import { migrate, type Migration } from '../migration.js';
import { migrations as allMigrations } from '../migrations/index.js';
import { PostgresDb } from './postgres-db.js';

/** Where a node's journal lives in PostgreSQL: config `storage.postgres`. */
export interface PostgresLocation {
  url: string;
  schema: string;
}

export interface OpenPostgresOptions {
  /** `on` (default): COMMIT returns once the WAL is flushed, the journal's R2; `off`: the runtime connection, as SQLite's NORMAL. */
  synchronousCommit?: 'on' | 'off';
  /** Defaults to every migration in migrations/index.ts. */
  migrations?: readonly Migration[];
  /** Longest wait for one call; default 30 s. */
  timeoutMs?: number;
}

/** What a failed connect means to the person who wrote storage.postgres.url, by error code. */
const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'no PostgreSQL server answers there',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'unknown host',
  ETIMEDOUT: 'the server did not answer',
  SYNC_TIMEOUT: 'the server did not answer',
  '28P01': 'the server refused the password',
  '28000': 'the server refused this user',
  '3D000': 'no such database on that server',
  '57P03': 'the server is starting up or shutting down',
};

/** `postgres://…/test schema arbiter`: where a journal is, for messages and the session summary. */
export function describePostgres(where: PostgresLocation): string {
  return `${shownUrl(where.url)} schema ${where.schema}`;
}

/**
 * Connects to `where.url`, creates `where.schema` if missing, makes it the connection's search_path, sets
 * synchronous_commit and migrates the schema. What a user can get wrong (no server there, a refused login, a schema
 * that cannot be made or already holds other tables, migrations this code does not know) is an InputError naming
 * storage.postgres.url or storage.postgres.schema.
 */
export function openPostgres(where: PostgresLocation, opts: OpenPostgresOptions = {}): PostgresDb {
  const url = shownUrl(where.url);
  let db: PostgresDb;
  try {
    db = PostgresDb.connect(where.url, { name: describePostgres(where), timeoutMs: opts.timeoutMs });
  } catch (err) {
    if (!(err instanceof SyncWorkerError)) throw err;
    const meaning = (err.code && CONNECT_ERRORS[err.code]) ?? 'cannot connect';
    throw new InputError(`storage.postgres.url ${url}: ${meaning} (${err.code ?? 'error'}: ${err.message})`);
  }
  const schema = `"${where.schema}"`;
  try {
    try {
      if (!db.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [where.schema]).rowCount) db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      db.exec(`SET search_path TO ${schema}; SET synchronous_commit TO ${opts.synchronousCommit ?? 'on'}`);
    } catch (err) {
      throw asSchemaError(err, where.schema, 'cannot be created or used');
    }
    try {
      migrate(db, opts.migrations ?? allMigrations, `storage.postgres (${describePostgres(where)})`);
    } catch (err) {
      throw err instanceof SyncWorkerError && err.code === '42P07' ? asSchemaError(err, where.schema, 'holds tables this journal did not create; name another schema') : err;
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function asSchemaError(err: unknown, schema: string, what: string): unknown {
  if (!(err instanceof SyncWorkerError) || err.code === 'SYNC_TIMEOUT' || err.code === 'SYNC_CLOSED') return err;
  return new InputError(`storage.postgres.schema ${schema}: ${what} (${err.code ?? 'error'}: ${err.message})`);
}
