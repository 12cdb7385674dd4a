import { InputError } from '../runtime/errors.js';
import type { Candle } from '../market-data/types.js';
import type { NewsItem } from '../market-data/news/news-item.js';
import { FEATURE_CATALOG } from './catalog.js';
import type { FeatureBar, FeatureDefinition, FeatureInfo } from './feature.js';

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
}

function check(candles: readonly Candle[], { timeframeMs, news }: FeatureMatrixInput): void {
  if (!Number.isInteger(timeframeMs) || timeframeMs <= 0) throw new InputError(`timeframeMs: must be a positive whole number of ms, got ${timeframeMs}`);
  if (candles.length === 0) throw new InputError('candles: none given');
  for (let i = 1; i < candles.length; i++) {
    if (candles[i]!.ts <= candles[i - 1]!.ts) throw new InputError(`candles: row ${i}: ts ${candles[i]!.ts} is not after row ${i - 1} (${candles[i - 1]!.ts})`);
  }
  if (news !== undefined && news.length > 0) {
    const lastClose = candles[candles.length - 1]!.ts + timeframeMs;
    if (!news.some((item) => item.ts <= lastClose)) {
      throw new InputError(`news: no item at or before the last candle's close (${new Date(lastClose).toISOString()}): the news and candles do not overlap`);
    }
  }
}

/**
 * The feature matrix of a candle series, computed bar by bar without look-ahead: row t reads candles ≤ t and news
 * with ts ≤ close of bar t. The features are those whose data is given (news_score only with news); rows start at the
 * first bar where each has a value, and a bar where any has none (or a non-finite one) is dropped, never filled.
 */
export function buildFeatureMatrix(candles: readonly Candle[], input: FeatureMatrixInput): FeatureMatrix {
  check(candles, input);
  const hasNews = input.news !== undefined && input.news.length > 0;
  const included: FeatureDefinition[] = FEATURE_CATALOG.filter((f) => f.needs === 'candles' || hasNews);
  const steps = included.map((f) => f.start());
  const news = [...(input.news ?? [])].sort((a, b) => a.ts - b.ts);
  let nextNews = 0;
  const rows: FeatureRow[] = [];
  for (const candle of candles) {
    const closeTs = candle.ts + input.timeframeMs;
    const arrived = nextNews;
    while (nextNews < news.length && news[nextNews]!.ts <= closeTs) nextNews++;
    const bar: FeatureBar = { candle, closeTs, news: news.slice(arrived, nextNews) };
    const values = steps.map((step) => step(bar));
    if (values.every((v): v is number => v !== null && Number.isFinite(v))) rows.push({ ts: candle.ts, knownAt: closeTs, values });
  }
  return { features: included.map(({ name, group, source, lag, warmUp }) => ({ name, group, source, lag, warmUp })), rows };
}
