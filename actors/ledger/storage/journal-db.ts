/** What a journal's SQL is written for: the portable subset both understand, or one of them when a statement differs. */
export type Dialect = 'sqlite' | 'postgres';

export interface JournalStatement<P extends unknown[], R> {
  run(...params: P): { changes: number };
  get(...params: P): R | undefined;
  all(...params: P): R[];
}

type AnyFunction = (...args: any[]) => unknown;
type Args<F extends AnyFunction> = F extends (...args: infer A) => unknown ? A : never;

/** A function run as one transaction; nested, as a savepoint. better-sqlite3's mode variants, all BEGIN on PostgreSQL. */
export interface JournalTransaction<F extends AnyFunction> {
  (...params: Args<F>): ReturnType<F>;
  immediate(...params: Args<F>): ReturnType<F>;
  deferred(...params: Args<F>): ReturnType<F>;
  exclusive(...params: Args<F>): ReturnType<F>;
}

/**
 * The part of better-sqlite3's Database the journals use, synchronous: better-sqlite3's Database is one as is,
 * PostgresDb (postgres/postgres-db.ts) another. Parameters are `?` (positional) or `@name` (one object).
 * `dialect` is absent on better-sqlite3's Database: SQLite.
 */
export interface JournalDb {
  readonly name: string;
  readonly open: boolean;
  readonly dialect?: Dialect;
  prepare<P extends unknown[] | {} = unknown[], R = unknown>(sql: string): P extends unknown[] ? JournalStatement<P, R> : JournalStatement<[P], R>;
  transaction<F extends AnyFunction>(fn: F): JournalTransaction<F>;
  exec(sql: string): unknown;
  close(): unknown;
}

export function dialectOf(db: JournalDb): Dialect {
  return db.dialect ?? 'sqlite';
}
