import pg from 'pg';
import { serveSync } from '../../../runtime/workers/serve-sync.js';
import type { PgRequest, PgResponse } from './pg-request.js';

// The journal's integers are ms timestamps and row ids, well inside 2^53: numbers, as SQLite returns them.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

const clients = new Map<number, pg.Client>();
let nextConn = 1;

function client(conn: number): pg.Client {
  const c = clients.get(conn);
  if (!c) throw Object.assign(new Error(`PostgreSQL connection ${conn} is closed`), { code: 'SYNC_CLOSED' });
  return c;
}

/** The pg Clients of every PostgresDb of the thread that started this worker; each call is one query, answered in order. */
serveSync<PgRequest, PgResponse>(async (req) => {
  switch (req.op) {
    case 'connect': {
      const c = new pg.Client({ connectionString: req.url, connectionTimeoutMillis: req.connectTimeoutMs, application_name: 'arbiter-journal' });
      // A lost connection fails the next query; unhandled, the 'error' event would kill the worker.
      c.on('error', () => undefined);
      await c.connect();
      const conn = nextConn++;
      clients.set(conn, c);
      return { conn };
    }
    case 'query': {
      const r = await client(req.conn).query({ text: req.text, values: req.values, name: req.name });
      return { rows: r.rows as Record<string, unknown>[], rowCount: r.rowCount ?? 0, command: r.command };
    }
    case 'exec': {
      await client(req.conn).query(req.sql);
      return { rows: [], rowCount: 0, command: '' };
    }
    case 'close': {
      const c = clients.get(req.conn);
      clients.delete(req.conn);
      await c?.end();
      return null;
    }
  }
});
