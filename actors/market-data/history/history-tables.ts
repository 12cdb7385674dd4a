import pg from 'pg';
import type { PoolClient } from 'pg';

/** The market-data tables of one schema, quoted for SQL. */
export interface HistoryTables {
  schema: string;
  candles: string;
  trades: string;
}

export function historyTables(schema: string): HistoryTables {
  const s = pg.escapeIdentifier(schema);
  return { schema: s, candles: `${s}.market_candles`, trades: `${s}.market_trades` };
}

/**
 * Creates the schema and the market-data tables if they are missing (idempotent; concurrent callers queue on an
 * advisory lock, since two CREATE ... IF NOT EXISTS at once can still collide). Times are epoch ms (BIGINT),
 * prices and amounts DOUBLE PRECISION (a JS number round-trips exactly).
 */
export async function ensureHistoryTables(client: PoolClient, t: HistoryTables): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('arbiter.market-history'))`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${t.schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.candles} (
      venue TEXT NOT NULL,
      symbol TEXT NOT NULL,
      timeframe_ms BIGINT NOT NULL CHECK (timeframe_ms > 0),
      ts BIGINT NOT NULL,
      open DOUBLE PRECISION NOT NULL,
      high DOUBLE PRECISION NOT NULL,
      low DOUBLE PRECISION NOT NULL,
      close DOUBLE PRECISION NOT NULL,
      volume DOUBLE PRECISION NOT NULL,
      PRIMARY KEY (venue, symbol, timeframe_ms, ts)
    )`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.trades} (
      venue TEXT NOT NULL,
      symbol TEXT NOT NULL,
      trade_id TEXT NOT NULL,
      ts BIGINT NOT NULL,
      price DOUBLE PRECISION NOT NULL,
      amount DOUBLE PRECISION NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
      PRIMARY KEY (venue, symbol, trade_id)
    )`);
    await client.query(`CREATE INDEX IF NOT EXISTS market_trades_by_time ON ${t.trades} (venue, symbol, ts)`);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
