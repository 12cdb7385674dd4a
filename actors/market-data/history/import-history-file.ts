import { readFileSync } from 'node:fs';
import { InputError } from '../../runtime/errors.js';
import { loadCandles } from '../candles/load-candles.js';
import { parseTradeRecords } from '../trades/parse-trades-csv.js';
import type { CandleRow, TradeRow } from './history-rows.js';
import type { MarketHistoryStore } from './market-history-store.js';

export interface ImportOptions {
  venue: string;
  /** The market; a candle file's default is its name's (ADA_BTC-5m.json → ADA/BTC), a trades file must be told. */
  symbol?: string;
  /** Rows written so far of the file's total, after each batch. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  file: string;
  kind: 'candles' | 'trades';
  venue: string;
  symbol: string;
  /** Candles only. */
  timeframeMs?: number;
  rows: number;
  /** Rows that were not in the tables yet (a re-import adds none). */
  inserted: number;
  firstTs: number;
  lastTs: number;
}

const BATCH = 2_000;

/**
 * Reads a recorded file and writes it to the market-history tables: a candle file (`.json`, data/candles: either
 * format, validated as the backtest validates it, bar length inferred) or a trades CSV (`.csv`, data/trades,
 * data/futures). Idempotent: rows already there are left alone.
 */
export async function importHistoryFile(store: MarketHistoryStore, file: string, opts: ImportOptions): Promise<ImportResult> {
  if (/\.json$/i.test(file)) {
    const series = loadCandles(file);
    if (!(series.timeframeMs > 0)) throw new InputError(`${file}: one candle only, its bar length cannot be told`);
    const symbol = opts.symbol ?? series.symbol;
    const rows: CandleRow[] = series.candles.map((candle) => ({ venue: opts.venue, symbol, timeframeMs: series.timeframeMs, candle }));
    const inserted = await inBatches(rows, (part) => store.insertCandles(part), opts.onProgress);
    return { file, kind: 'candles', venue: opts.venue, symbol, timeframeMs: series.timeframeMs, rows: rows.length, inserted, firstTs: series.candles[0]!.ts, lastTs: series.candles.at(-1)!.ts };
  }
  if (/\.csv$/i.test(file)) {
    if (opts.symbol === undefined) throw new InputError(`${file}: a trades file does not name its market: give --symbol (e.g. BTC/USDT)`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new InputError(`${file}: cannot read trades file`, [(cause as Error).message]);
    }
    const symbol = opts.symbol;
    const rows: TradeRow[] = parseTradeRecords(text, file).map(({ id, trade }) => ({ venue: opts.venue, symbol, tradeId: id, ts: trade.ts, price: trade.price, amount: trade.qty, side: trade.takerSide }));
    const inserted = await inBatches(rows, (part) => store.insertTrades(part), opts.onProgress);
    return { file, kind: 'trades', venue: opts.venue, symbol, rows: rows.length, inserted, firstTs: rows[0]!.ts, lastTs: rows.at(-1)!.ts };
  }
  throw new InputError(`${file}: expected a candle file (.json, as in data/candles) or a trades file (.csv, as in data/trades)`);
}

async function inBatches<T>(rows: readonly T[], write: (part: readonly T[]) => Promise<number>, onProgress?: (done: number, total: number) => void): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    inserted += await write(rows.slice(i, i + BATCH));
    onProgress?.(Math.min(i + BATCH, rows.length), rows.length);
  }
  return inserted;
}
