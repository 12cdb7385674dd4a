import { InputError } from '../../runtime/errors.js';
import type { Trade } from '../trades/trade.js';
import type { Candle } from '../types.js';

/**
 * OHLCV bars of `timeframeMs` from trades in time order: a bar opens at a multiple of the timeframe (epoch ms) and
 * holds the trades with ts in [open, open + timeframeMs); volume in base units. Every bar from the first trade's to
 * the last trade's is given: a bar nobody traded in repeats the previous close as open, high, low and close, with
 * volume 0 (no price is made up: that close is the last traded price).
 */
export function candlesFromTrades(trades: readonly Trade[], timeframeMs: number): Candle[] {
  if (!Number.isInteger(timeframeMs) || timeframeMs <= 0) throw new InputError(`timeframeMs: must be a positive whole number of ms, got ${timeframeMs}`);
  if (trades.length === 0) throw new InputError('trades: none given');
  const candles: Candle[] = [];
  let bar: Candle | undefined;
  for (const [i, trade] of trades.entries()) {
    if (i > 0 && trade.ts < trades[i - 1]!.ts) throw new InputError(`trades: trade ${i} (ts ${trade.ts}) is before trade ${i - 1} (ts ${trades[i - 1]!.ts})`);
    const open = Math.floor(trade.ts / timeframeMs) * timeframeMs;
    if (bar !== undefined && open === bar.ts) {
      bar.high = Math.max(bar.high, trade.price);
      bar.low = Math.min(bar.low, trade.price);
      bar.close = trade.price;
      bar.volume += trade.qty;
      continue;
    }
    if (bar !== undefined) {
      const last = bar.close;
      for (let ts = bar.ts + timeframeMs; ts < open; ts += timeframeMs) candles.push({ ts, open: last, high: last, low: last, close: last, volume: 0 });
    }
    bar = { ts: open, open: trade.price, high: trade.price, low: trade.price, close: trade.price, volume: trade.qty };
    candles.push(bar);
  }
  return candles;
}
