import pg from 'pg';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { shownUrl } from '../../runtime/shown-url.js';
import { InputError } from '../../runtime/errors.js';
import type { Candle } from '../types.js';
import type { CandleRow, HistoryHolding, TradeRow } from './history-rows.js';
import { ensureHistoryTables, historyTables, type HistoryTables } from './history-tables.js';

/** Where the tables are: config.storage.postgres. */
export interface HistoryDatabase {
  url: string;
  schema: string;
}

/** One market's rows, open times in [from, to) when given. */
export interface HistoryQuery {
  venue: string;
  symbol: string;
  from?: number;
  to?: number;
}

/** Rows per INSERT: the arrays of one statement stay a few hundred kB. */
const CHUNK = 5_000;


/**
 * Recorded market data in PostgreSQL (market_candles, market_trades in `schema`). The tables are created on first
 * use, and again after a failure (a database that was down, a schema dropped meanwhile). Writes are idempotent:
 * a row already there (same market, timeframe and open time; same trade id) is left as it is.
 */
export class MarketHistoryStore {
  private readonly pool: Pool;
  private readonly tables: HistoryTables;
  private ready: Promise<void> | undefined;

  constructor(readonly db: HistoryDatabase, logger?: Logger) {
    this.pool = new pg.Pool({ connectionString: db.url, max: 2, connectionTimeoutMillis: 3_000, idleTimeoutMillis: 10_000 });
    // A pooled connection the server drops while idle is reported here; without a listener it would kill the process.
    this.pool.on('error', (err) => logger?.warn({ err }, 'market history: idle PostgreSQL connection lost'));
    this.tables = historyTables(db.schema);
  }

  /** Connects and creates the tables; an unreachable database is an InputError naming storage.postgres.url. */
  async connect(): Promise<void> {
    try {
      await this.whenReady();
    } catch (cause) {
      throw new InputError(`storage.postgres.url: cannot use PostgreSQL at ${shownUrl(this.db.url)} (schema ${this.db.schema}): ${(cause as Error).message || String(cause)}`);
    }
  }

  private whenReady(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        await ensureHistoryTables(client, this.tables);
      } finally {
        client.release();
      }
    })().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  /** Inserts bars; returns how many were new. */
  async insertCandles(rows: readonly CandleRow[]): Promise<number> {
    await this.whenReady();
    let inserted = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const res = await this.query(
        `INSERT INTO ${this.tables.candles} (venue, symbol, timeframe_ms, ts, open, high, low, close, volume)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[])
         ON CONFLICT DO NOTHING`,
        [
          part.map((r) => r.venue), part.map((r) => r.symbol), part.map((r) => r.timeframeMs), part.map((r) => r.candle.ts),
          part.map((r) => r.candle.open), part.map((r) => r.candle.high), part.map((r) => r.candle.low), part.map((r) => r.candle.close), part.map((r) => r.candle.volume),
        ],
      );
      inserted += res.rowCount ?? 0;
    }
    return inserted;
  }

  /** Inserts trades; returns how many were new. */
  async insertTrades(rows: readonly TradeRow[]): Promise<number> {
    await this.whenReady();
    let inserted = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const res = await this.query(
        `INSERT INTO ${this.tables.trades} (venue, symbol, trade_id, ts, price, amount, side)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::float8[], $6::float8[], $7::text[])
         ON CONFLICT DO NOTHING`,
        [part.map((r) => r.venue), part.map((r) => r.symbol), part.map((r) => r.tradeId), part.map((r) => r.ts), part.map((r) => r.price), part.map((r) => r.amount), part.map((r) => r.side)],
      );
      inserted += res.rowCount ?? 0;
    }
    return inserted;
  }

  /** One market's bars of `timeframeMs`, by open time. */
  async readCandles(q: HistoryQuery & { timeframeMs: number }): Promise<Candle[]> {
    await this.whenReady();
    const res = await this.query(
      `SELECT ts, open, high, low, close, volume FROM ${this.tables.candles}
       WHERE venue = $1 AND symbol = $2 AND timeframe_ms = $3 AND ts >= $4 AND ts < $5 ORDER BY ts`,
      [q.venue, q.symbol, q.timeframeMs, q.from ?? 0, q.to ?? Number.MAX_SAFE_INTEGER],
    );
    return res.rows.map((r) => ({ ts: Number(r.ts), open: r.open, high: r.high, low: r.low, close: r.close, volume: r.volume }));
  }

  /** One market's trades in time order (numeric ids in number order within a millisecond). */
  async readTrades(q: HistoryQuery): Promise<TradeRow[]> {
    await this.whenReady();
    const res = await this.query(
      `SELECT trade_id, ts, price, amount, side FROM ${this.tables.trades}
       WHERE venue = $1 AND symbol = $2 AND ts >= $3 AND ts < $4 ORDER BY ts, length(trade_id), trade_id`,
      [q.venue, q.symbol, q.from ?? 0, q.to ?? Number.MAX_SAFE_INTEGER],
    );
    return res.rows.map((r) => ({ venue: q.venue, symbol: q.symbol, tradeId: r.trade_id, ts: Number(r.ts), price: r.price, amount: r.amount, side: r.side }));
  }

  /** Every market the tables hold, with row counts and time ranges. */
  async holdings(): Promise<{ candles: HistoryHolding[]; trades: HistoryHolding[] }> {
    await this.whenReady();
    const candles = await this.query(
      `SELECT venue, symbol, timeframe_ms, count(*) AS n, min(ts) AS first, max(ts) AS last FROM ${this.tables.candles} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    const trades = await this.query(`SELECT venue, symbol, count(*) AS n, min(ts) AS first, max(ts) AS last FROM ${this.tables.trades} GROUP BY 1, 2 ORDER BY 1, 2`);
    const holding = (r: Record<string, unknown>): HistoryHolding => ({
      venue: r.venue as string,
      symbol: r.symbol as string,
      ...(r.timeframe_ms !== undefined ? { timeframeMs: Number(r.timeframe_ms) } : {}),
      rows: Number(r.n),
      firstTs: Number(r.first),
      lastTs: Number(r.last),
    });
    return { candles: candles.rows.map(holding), trades: trades.rows.map(holding) };
  }

  private async query(text: string, values?: unknown[]) {
    try {
      return await this.pool.query(text, values);
    } catch (err) {
      // A table missing (schema dropped, database recreated) is made again before the next attempt.
      if ((err as { code?: string }).code === '42P01' || (err as { code?: string }).code === '3F000') this.ready = undefined;
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
