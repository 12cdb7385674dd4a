import { formatTimeframe } from '../candles/timeframe.js';
import type { HistoryHolding } from './history-rows.js';

const iso = (ts: number) => new Date(ts).toISOString();

/** One line per market the tables hold: `candles binance BTC/USDT 1m: 10080 bars, <first open> → <last open>`. */
export function describeHoldings(h: { candles: readonly HistoryHolding[]; trades: readonly HistoryHolding[] }): string[] {
  return [
    ...h.candles.map((c) => `candles ${c.venue} ${c.symbol} ${formatTimeframe(c.timeframeMs ?? 0)}: ${c.rows} bars, ${iso(c.firstTs)} → ${iso(c.lastTs)}`),
    ...h.trades.map((t) => `trades ${t.venue} ${t.symbol}: ${t.rows} trades, ${iso(t.firstTs)} → ${iso(t.lastTs)}`),
  ];
}
