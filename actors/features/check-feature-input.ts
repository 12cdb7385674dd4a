import { InputError } from '../runtime/errors.js';
import type { Candle } from '../market-data/types.js';
import { DAY_MS } from '../market-data/open-interest/open-interest-day.js';
import type { FeatureMatrixInput } from './build-feature-matrix.js';

const iso = (ts: number): string => new Date(ts).toISOString();

function inOrder<T>(field: string, items: readonly T[], ts: (item: T) => number, strictly: boolean): void {
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [ts(items[i - 1]!), ts(items[i]!)];
    if (strictly ? b <= a : b < a) throw new InputError(`${field}: entry ${i} (ts ${b}) is ${strictly ? 'not after' : 'before'} entry ${i - 1} (ts ${a})`);
  }
}

/**
 * The InputErrors of a feature run: a bad timeframe, unordered candles, and data that is out of order or that no bar
 * can use (news, books, trades or open interest that do not overlap the candles), each naming its field.
 */
export function checkFeatureInput(candles: readonly Candle[], { timeframeMs, news, books, trades, openInterest }: FeatureMatrixInput): void {
  if (!Number.isInteger(timeframeMs) || timeframeMs <= 0) throw new InputError(`timeframeMs: must be a positive whole number of ms, got ${timeframeMs}`);
  if (candles.length === 0) throw new InputError('candles: none given');
  inOrder('candles', candles, (c) => c.ts, true);
  const firstClose = candles[0]!.ts + timeframeMs;
  const lastClose = candles[candles.length - 1]!.ts + timeframeMs;
  const bars = `the candles' closes (${iso(firstClose)} to ${iso(lastClose)})`;
  if (news !== undefined && news.length > 0 && !news.some((item) => item.ts <= lastClose)) {
    throw new InputError(`news: no item at or before the last candle's close (${iso(lastClose)}): the news and candles do not overlap`);
  }
  if (books !== undefined) {
    if (books.updates[0]?.snapshot !== true) throw new InputError('books: the first update must be a snapshot');
    inOrder('books', books.updates, (u) => u.ts, false);
    if (!candles.some((c) => c.ts + timeframeMs >= books.from && c.ts + timeframeMs <= books.to)) {
      throw new InputError(`books: the book (${iso(books.from)} to ${iso(books.to)}) is known at none of ${bars}: the books and candles do not overlap`);
    }
  }
  if (trades !== undefined) {
    inOrder('trades', trades.trades, (t) => t.ts, false);
    if (!candles.some((c) => c.ts >= trades.from && c.ts + timeframeMs - 1 <= trades.to)) {
      throw new InputError(`trades: the trades (${iso(trades.from)} to ${iso(trades.to)}) span no whole bar of the candles (${iso(candles[0]!.ts)} to ${iso(lastClose)}): the trades and candles do not overlap`);
    }
  }
  if (openInterest !== undefined && openInterest.length > 0) {
    inOrder('openInterest', openInterest, (d) => d.day, true);
    if (!openInterest.some((d) => d.day + DAY_MS <= lastClose && d.day + 2 * DAY_MS > firstClose)) {
      throw new InputError(`openInterest: no day (${iso(openInterest[0]!.day)} to ${iso(openInterest[openInterest.length - 1]!.day)}) is the latest ended day at any of ${bars}: the open interest and candles do not overlap`);
    }
  }
}
