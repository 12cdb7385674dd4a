import { InputError } from '../../runtime/errors.js';
import { candlesFromTrades } from '../candles/candles-from-trades.js';
import { detectGaps } from '../candles/gaps.js';
import type { CandleSeries } from '../candles/load-candles.js';
import { formatTimeframe } from '../candles/timeframe.js';
import { describeHoldings } from './describe-holdings.js';
import type { HistoryQuery, MarketHistoryStore } from './market-history-store.js';

export interface HistorySeries {
  series: CandleSeries;
  /** Where the bars came from: recorded candles, or bars built from recorded trades. */
  source: 'candles' | 'trades';
  /** Rows read: bars, or trades. */
  rows: number;
}

/** The series label in messages, where a file name would be: `postgres binance BTC/USDT 5m`. */
export function historyLabel(q: { venue: string; symbol: string; timeframeMs: number }): string {
  return `postgres ${q.venue} ${q.symbol} ${formatTimeframe(q.timeframeMs)}`;
}

/**
 * One market's bars from the tables, as loadCandles gives them from a file: the recorded candles of that bar length
 * with open times in [from, to), or when there are none, bars of that length built from its recorded trades in
 * [from, to) (candlesFromTrades). Neither: an InputError listing what the tables do hold.
 */
export async function historySeries(store: MarketHistoryStore, q: HistoryQuery & { timeframeMs: number }): Promise<HistorySeries> {
  if (q.from !== undefined && q.to !== undefined && q.from >= q.to) throw new InputError(`--from ${new Date(q.from).toISOString()} is not before --to ${new Date(q.to).toISOString()}`);
  const file = historyLabel(q);
  const make = (candles: CandleSeries['candles']): CandleSeries => ({ file, symbol: q.symbol, format: 'array', timeframeMs: q.timeframeMs, candles, gaps: detectGaps(candles, q.timeframeMs) });
  const candles = await store.readCandles(q);
  if (candles.length > 0) return { series: make(candles), source: 'candles', rows: candles.length };
  const trades = await store.readTrades(q);
  if (trades.length > 0) {
    const bars = candlesFromTrades(trades.map((t) => ({ ts: t.ts, price: t.price, qty: t.amount, takerSide: t.side })), q.timeframeMs);
    return { series: make(bars), source: 'trades', rows: trades.length };
  }
  const range = q.from === undefined && q.to === undefined ? '' : ` with open times in [${q.from === undefined ? 'start' : new Date(q.from).toISOString()}, ${q.to === undefined ? 'end' : new Date(q.to).toISOString()})`;
  const held = describeHoldings(await store.holdings());
  const where = `storage.postgres schema ${store.db.schema}`;
  throw new InputError(
    `no candles or trades for venue ${q.venue}, symbol ${q.symbol}, timeframe ${formatTimeframe(q.timeframeMs)}${range} in ${where}`,
    held.length > 0 ? ['the tables hold:', ...held.map((l) => `  ${l}`)] : ['the tables are empty: fill them with `arbiter history import --venue <id> --data <file>`, or run a node that records'],
  );
}
