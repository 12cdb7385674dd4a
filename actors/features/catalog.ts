import { bollinger } from './bollinger.js';
import { BOOK_FEATURES } from './book-features.js';
import { CANDLE_FEATURES } from './candle-features.js';
import type { FeatureDefinition } from './feature.js';
import { LOG_RETURN } from './log-return.js';
import { macd } from './macd.js';
import { NEWS_SCORE } from './news-score-feature.js';
import { OPEN_INTEREST_FEATURES } from './open-interest-features.js';
import { realizedVolatility } from './realized-volatility.js';
import { rsi } from './rsi.js';
import { TAKER_FLOW_FEATURES } from './taker-flow-features.js';

/** Every feature, in matrix column order; a matrix keeps those whose data the run has. */
export const FEATURE_CATALOG: readonly FeatureDefinition[] = [
  ...CANDLE_FEATURES,
  LOG_RETURN,
  realizedVolatility(20),
  rsi(14),
  ...macd({ short: 12, long: 26, signal: 9 }),
  ...bollinger(20, 2),
  NEWS_SCORE,
  ...BOOK_FEATURES,
  ...TAKER_FLOW_FEATURES,
  ...OPEN_INTEREST_FEATURES,
];
