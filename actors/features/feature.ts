import type { Candle } from '../market-data/types.js';
import type { NewsItem } from '../market-data/news/news-item.js';

export type FeatureGroup = 'price_data' | 'technical_indicators' | 'market_sentiment';

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

/** One step of the stream: bar t, the time it closes, and the news items that became known during it. */
export interface FeatureBar {
  candle: Candle;
  /** candle.ts + timeframe: the moment bar t's values are known. */
  closeTs: number;
  /** Items with previous close < ts ≤ closeTs (the first bar gets every item up to its close). */
  news: readonly NewsItem[];
}

/** Fed bars in order; returns the feature's value at the bar's close, or null while it has none. */
export type FeatureStep = (bar: FeatureBar) => number | null;

export interface FeatureDefinition extends FeatureInfo {
  /** The data the feature needs: it is in a matrix only when the run has that data. */
  needs: 'candles' | 'news';
  /** A fresh streaming computation, holding its own state. */
  start(): FeatureStep;
}
