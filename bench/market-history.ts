/**
 * Market-data history in PostgreSQL (storage.postgres, ARBITER_STORAGE__POSTGRES__URL): the 10,080 bars of
 * data/candles/BTC_USDT-1m-2021-02-19_week.json written into a fresh schema (idempotent unnest inserts, 5,000 a
 * statement), written again (every row a conflict), and read back as `backtest --from-db` reads them. The floor, in the
 * same run: loadCandles on the same file (read, JSON.parse, validate), what `backtest --data` does. The schema is
 * dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../config/index.js';
import { loadCandles } from '../actors/market-data/candles/load-candles.js';
import { MarketHistoryStore } from '../actors/market-data/history/market-history-store.js';

const FILE = 'data/candles/BTC_USDT-1m-2021-02-19_week.json';
const RUNS = 5;
const round = (v: number) => Number(v.toPrecision(3));

async function best(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

export async function benchMarketHistory(): Promise<Record<string, unknown>> {
  const { url } = loadConfig().config.storage.postgres;
  const schema = `bench_history_${randomBytes(4).toString('hex')}`;
  const store = new MarketHistoryStore({ url, schema });
  try {
    await store.connect();
    const series = loadCandles(FILE);
    const rows = series.candles.map((candle) => ({ venue: 'binance', symbol: 'BTC/USDT', timeframeMs: series.timeframeMs, candle }));
    const t0 = performance.now();
    const inserted = await store.insertCandles(rows);
    const insertMs = performance.now() - t0;
    const reinsertMs = await best(RUNS, () => store.insertCandles(rows));
    const q = { venue: 'binance', symbol: 'BTC/USDT', timeframeMs: series.timeframeMs };
    const readMs = await best(RUNS, () => store.readCandles(q));
    const floorMs = await best(RUNS, () => loadCandles(FILE));
    return {
      bars: rows.length,
      inserted,
      insertMs: round(insertMs),
      insertRowsPerSec: Math.round(rows.length / (insertMs / 1_000)),
      reinsertAllConflictsMs: round(reinsertMs),
      readMs: round(readMs),
      floor: { loadCandlesFileMs: round(floorMs) },
      readVsFile: round(readMs / floorMs),
    };
  } finally {
    await store.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    await admin.end();
  }
}
