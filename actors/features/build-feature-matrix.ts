import type { Candle } from '../market-data/types.js';
import type { NewsItem } from '../market-data/news/news-item.js';
import { DAY_MS, type OpenInterestDay } from '../market-data/open-interest/open-interest-day.js';
import { FEATURE_CATALOG } from './catalog.js';
import { checkFeatureInput } from './check-feature-input.js';
import type { FeatureBar, FeatureDefinition, FeatureInfo, FeatureNeed } from './feature.js';
import { Arrivals } from './inputs/arrivals.js';
import { BookReplay } from './inputs/book-replay.js';
import type { BookTape } from './inputs/book-tape.js';
import type { TradeTape } from './inputs/trade-tape.js';

export interface FeatureRow {
  /** Open time of bar t. */
  ts: number;
  /** Close time of bar t: every value in the row is known then. */
  knownAt: number;
  /** One value a feature, in the order of `features`. */
  values: number[];
}

export interface FeatureMatrix {
  features: FeatureInfo[];
  rows: FeatureRow[];
}

export interface FeatureMatrixInput {
  timeframeMs: number;
  /** Headlines for the run; without them news_score is absent. */
  news?: readonly NewsItem[];
  /** A recorded order book; without it the order_book_data features are absent. */
  books?: BookTape;
  /** Trades with their taker side; without them CVD and the taker features are absent. */
  trades?: TradeTape;
  /** Daily open interest; without it the open-interest features are absent. */
  openInterest?: readonly OpenInterestDay[];
}

/**
 * The feature matrix of a candle series, computed bar by bar without look-ahead: row t reads candles ≤ t, news with
 * ts ≤ close of bar t, the book as it stood at that close, the trades during bar t, and the open-interest days ended
 * by that close. The features are those whose data is given (news_score only with news, the book features only with
 * books, …); rows start at the first bar where each has a value, and a bar where any has none (or a non-finite one:
 * warm-up, or outside the span a recording covers) is dropped, never filled.
 */
export function buildFeatureMatrix(candles: readonly Candle[], input: FeatureMatrixInput): FeatureMatrix {
  checkFeatureInput(candles, input);
  const given: Record<FeatureNeed, boolean> = {
    candles: true,
    news: input.news !== undefined && input.news.length > 0,
    books: input.books !== undefined,
    trades: input.trades !== undefined,
    openInterest: input.openInterest !== undefined && input.openInterest.length > 0,
  };
  const included: FeatureDefinition[] = FEATURE_CATALOG.filter((f) => given[f.needs]);
  const steps = included.map((f) => f.start());
  const news = new Arrivals([...(input.news ?? [])].sort((a, b) => a.ts - b.ts), (item) => item.ts);
  const books = input.books && new BookReplay(input.books);
  const tape = input.trades;
  const trades = tape && new Arrivals(tape.trades, (t) => t.ts);
  const openInterest = given.openInterest ? new Arrivals(input.openInterest!, (d) => d.day + DAY_MS) : undefined;
  const rows: FeatureRow[] = [];
  for (const candle of candles) {
    const closeTs = candle.ts + input.timeframeMs;
    const during = trades?.until(closeTs - 1).filter((t) => t.ts >= candle.ts);
    const bar: FeatureBar = {
      candle,
      closeTs,
      news: news.until(closeTs),
      book: books?.at(closeTs),
      trades: tape !== undefined && candle.ts >= tape.from && closeTs - 1 <= tape.to ? during : undefined,
      openInterest: openInterest?.until(closeTs),
    };
    const values = steps.map((step) => step(bar));
    if (values.every((v): v is number => v !== null && Number.isFinite(v))) rows.push({ ts: candle.ts, knownAt: closeTs, values });
  }
  return { features: included.map(({ name, group, source, lag, warmUp }) => ({ name, group, source, lag, warmUp })), rows };
}
