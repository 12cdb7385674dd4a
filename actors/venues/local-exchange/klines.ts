import { BinanceReject } from './exchange-state.js';

/** One trade on the public tape of a symbol (every match, whoever traded). */
export interface TapeTrade {
  time: number;
  price: number;
  qty: number;
  /** The taker bought (Binance: isBuyerMaker = false). */
  takerBuy: boolean;
}

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** Binance spot kline intervals with a fixed length ('1M' is calendar months: not served here). */
const INTERVALS = new Set(['1s', '1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d', '3d', '1w']);

export function intervalMs(interval: string): number {
  if (!INTERVALS.has(interval)) throw new BinanceReject(400, -1120, 'Invalid interval.');
  return Number(interval.slice(0, -1)) * UNIT_MS[interval.slice(-1)]!;
}

const s8 = (x: number): string => x.toFixed(8);

/**
 * GET /api/v3/klines from the tape, in Binance's array shape: open time, open, high, low, close, volume,
 * close time, quote volume, trades, taker buy base volume, taker buy quote volume, "0". Bars run without
 * gaps from the first trade's bar to the bar holding `now` (that last one still forming); a bar without
 * trades is flat at the previous close with zero volume. Weekly bars open on Monday, as Binance's.
 */
export function klines(tape: readonly TapeTrade[], interval: string, now: number, query: { startTime?: number; endTime?: number; limit?: number }): unknown[][] {
  const step = intervalMs(interval);
  const limit = Math.min(Math.max(1, query.limit ?? 500), 1000);
  const first = tape[0];
  if (!first) return [];
  const offset = interval.endsWith('w') ? 4 * 86_400_000 : 0; // epoch 0 was a Thursday
  const barOf = (t: number) => Math.floor((t - offset) / step) * step + offset;
  const lastBar = barOf(Math.min(now, query.endTime ?? now));
  let from = Math.max(barOf(first.time), query.startTime !== undefined ? barOf(query.startTime) + (barOf(query.startTime) < query.startTime ? step : 0) : -Infinity);
  if (query.startTime === undefined) from = Math.max(from, lastBar - (limit - 1) * step);
  const rows: unknown[][] = [];
  let i = 0;
  let prevClose = first.price;
  while (i < tape.length && tape[i]!.time < from) prevClose = tape[i++]!.price;
  for (let open = from; open <= lastBar && rows.length < limit; open += step) {
    let high = -Infinity, low = Infinity, close = prevClose, volume = 0, quote = 0, buyBase = 0, buyQuote = 0, n = 0;
    const openPrice = tape[i] && tape[i]!.time < open + step ? tape[i]!.price : prevClose;
    for (; i < tape.length && tape[i]!.time < open + step; i++) {
      const t = tape[i]!;
      high = Math.max(high, t.price);
      low = Math.min(low, t.price);
      close = t.price;
      volume += t.qty;
      quote += t.qty * t.price;
      if (t.takerBuy) {
        buyBase += t.qty;
        buyQuote += t.qty * t.price;
      }
      n += 1;
    }
    if (n === 0) high = low = close;
    rows.push([open, s8(openPrice), s8(high), s8(low), s8(close), s8(volume), open + step - 1, s8(quote), n, s8(buyBase), s8(buyQuote), '0']);
    prevClose = close;
  }
  return rows;
}
