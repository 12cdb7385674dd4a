import type { BookLevel, Candle } from '../market-data/types.js';
import type { NewsItem } from '../market-data/news/news-item.js';
import type { OpenInterestDay } from '../market-data/open-interest/open-interest-day.js';
import type { Trade } from '../market-data/trades/trade.js';

export type FeatureGroup = 'price_data' | 'technical_indicators' | 'order_book_data' | 'volume_profile' | 'market_sentiment';

/** What a model is told about a feature it was given (docs/features.md). */
export interface FeatureInfo {
  name: string;
  group: FeatureGroup;
  /** The data it reads, e.g. "candles: close". */
  source: string;
  /** When its value for bar t is known, e.g. "close of bar t". */
  lag: string;
  /** Bars before the first value (0: a value from the first bar on). */
  warmUp: number;
}

/** How far from mid a bar's book reaches: the levels within ±0.5% of it, the widest band a depth feature reads. */
export const BOOK_WINDOW = 0.005;

/** The book as it stood at a bar's close: its levels within BOOK_WINDOW of mid, best first. */
export interface BookAtClose {
  /** Time of the last update applied (≤ the bar's close). */
  ts: number;
  bids: readonly BookLevel[];
  asks: readonly BookLevel[];
}

/**
 * One step of the stream: bar t, the time it closes, and the data known by then. A field is undefined when the run
 * has no such data, or its data does not cover this bar.
 */
export interface FeatureBar {
  candle: Candle;
  /** candle.ts + timeframe: the moment bar t's values are known. */
  closeTs: number;
  /** Items with previous close < ts ≤ closeTs (the first bar gets every item up to its close). */
  news: readonly NewsItem[];
  /** The last book state with ts ≤ closeTs, when the books span closeTs. */
  book?: BookAtClose;
  /** Trades with candle.ts ≤ ts < closeTs, when the trades span the whole bar ([]: nobody traded). */
  trades?: readonly Trade[];
  /** Days whose end (day + 1 day) falls in (previous close, closeTs] (the first bar gets every day ended by its close). */
  openInterest?: readonly OpenInterestDay[];
}

/** Fed bars in order; returns the feature's value at the bar's close, or null while it has none. */
export type FeatureStep = (bar: FeatureBar) => number | null;

/** The data a feature reads besides candles; each key names a FeatureMatrixInput field. */
export type FeatureNeed = 'candles' | 'news' | 'books' | 'trades' | 'openInterest';

export interface FeatureDefinition extends FeatureInfo {
  /** The data the feature needs: it is in a matrix only when the run has that data. */
  needs: FeatureNeed;
  /** A fresh streaming computation, holding its own state. */
  start(): FeatureStep;
}
