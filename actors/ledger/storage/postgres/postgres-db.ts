import { SyncWorker } from '../../../runtime/workers/sync-worker.js';
import type { JournalDb, JournalStatement, JournalTransaction } from '../journal-db.js';
import { toPlaceholders, type Placeholders } from './placeholders.js';
import type { PgRequest, PgResponse } from './pg-request.js';

type Bridge = SyncWorker<PgRequest, PgResponse>;
type Result = { rows: Record<string, unknown>[]; rowCount: number; command: string };

let shared: Bridge | undefined;

/** One worker per thread holds every PostgreSQL connection of that thread: the thread blocks on each call anyway. */
function bridge(): Bridge {
  if (!shared?.alive) {
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    shared = new SyncWorker<PgRequest, PgResponse>(new URL(`./pg-worker${ext}`, import.meta.url));
  }
  return shared;
}

export interface PostgresConnectOptions {
  /** Longest wait for any one call (connect, query, commit); past it the connection is gone. Default 30 s. */
  timeoutMs?: number;
  /** Shown in errors and as `name` (the URL without its password). */
  name: string;
}

/**
 * A JournalDb over one PostgreSQL connection, synchronous through the pg worker (SyncWorker). Statements are
 * prepared server-side once per connection; `?` and `@name` become `$n`; a transaction is BEGIN … COMMIT (a
 * savepoint when nested) and rolls back when its function throws.
 */
export class PostgresDb implements JournalDb {
  readonly dialect = 'postgres' as const;
  private closed = false;
  private depth = 0;
  private statements = 0;

  private constructor(
    private readonly link: Bridge,
    private readonly conn: number,
    readonly name: string,
    private readonly timeoutMs: number,
  ) {}

  static connect(url: string, opts: PostgresConnectOptions): PostgresDb {
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const link = bridge();
    const answer = link.call({ op: 'connect', url, connectTimeoutMs: Math.min(timeoutMs, 10_000) }, timeoutMs) as { conn: number };
    return new PostgresDb(link, answer.conn, opts.name, timeoutMs);
  }

  get open(): boolean {
    return !this.closed && this.link.alive;
  }

  query(text: string, values: unknown[] = [], name?: string): Result {
    return this.link.call({ op: 'query', conn: this.conn, text, values, name }, this.timeoutMs) as Result;
  }

  prepare<P extends unknown[] | {} = unknown[], R = unknown>(sql: string): P extends unknown[] ? JournalStatement<P, R> : JournalStatement<[P], R> {
    return new PostgresStatement<R>(this, toPlaceholders(sql), `s${++this.statements}`) as never;
  }

  exec(sql: string): this {
    this.link.call({ op: 'exec', conn: this.conn, sql }, this.timeoutMs);
    return this;
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): JournalTransaction<F> {
    const run = (...args: Parameters<F>) => this.inTransaction(() => fn(...args) as ReturnType<F>);
    return Object.assign(run, { immediate: run, deferred: run, exclusive: run }) as unknown as JournalTransaction<F>;
  }

  close(): this {
    if (this.closed) return this;
    this.closed = true;
    if (this.link.alive) this.link.call({ op: 'close', conn: this.conn }, this.timeoutMs);
    return this;
  }

  private inTransaction<T>(fn: () => T): T {
    const savepoint = this.depth > 0 ? `sp${this.depth}` : undefined;
    this.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN');
    this.depth += 1;
    try {
      const result = fn();
      if (savepoint) this.exec(`RELEASE SAVEPOINT ${savepoint}`);
      // A transaction with a failed statement (an error the function caught) commits as ROLLBACK: not a success.
      else if (this.query('COMMIT').command !== 'COMMIT') throw new Error('the transaction had failed and was rolled back');
      return result;
    } catch (err) {
      if (this.open && (savepoint || this.depth === 1)) {
        try {
          this.exec(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}` : 'ROLLBACK');
        } catch {
          // The connection is gone: the server rolls the transaction back itself.
        }
      }
      throw err;
    } finally {
      this.depth -= 1;
    }
  }
}

class PostgresStatement<R> implements JournalStatement<unknown[], R> {
  constructor(
    private readonly db: PostgresDb,
    private readonly sql: Placeholders,
    private readonly statementName: string,
  ) {}

  run(...params: unknown[]): { changes: number } {
    return { changes: this.execute(params).rowCount };
  }

  get(...params: unknown[]): R | undefined {
    return this.execute(params).rows[0] as R | undefined;
  }

  all(...params: unknown[]): R[] {
    return this.execute(params).rows as R[];
  }

  private execute(params: unknown[]): Result {
    return this.db.query(this.sql.text, this.values(params), this.statementName);
  }

  private values(params: unknown[]): unknown[] {
    if (this.sql.kind === 'positional') {
      const values = params.length === 1 && Array.isArray(params[0]) ? (params[0] as unknown[]) : params;
      if (values.length !== this.sql.count) throw new RangeError(`Too ${values.length < this.sql.count ? 'few' : 'many'} parameter values were provided (${values.length} for ${this.sql.count})`);
      return values.map((v) => v ?? null);
    }
    const bag = params[0] as Record<string, unknown> | undefined;
    return this.sql.names.map((name) => {
      if (bag === undefined || !(name in bag)) throw new RangeError(`Missing named parameter "${name}"`);
      return bag[name] ?? null;
    });
  }
}
