import type { Candle } from '../market-data/types.js';
import type { FeatureDefinition } from './feature.js';

function fromCandle(name: string, source: string, value: (c: Candle) => number): FeatureDefinition {
  return { name, group: 'price_data', source, lag: 'close of bar t', warmUp: 0, needs: 'candles', start: () => (bar) => value(bar.candle) };
}

/**
 * The bar itself: the close and volume as they are, and open, high and low as log distances from the close, so the
 * bar's shape does not scale with the price level.
 */
export const CANDLE_FEATURES: readonly FeatureDefinition[] = [
  fromCandle('close', 'candles: close', (c) => c.close),
  fromCandle('log_open_close', 'candles: open, close (ln close/open)', (c) => Math.log(c.close / c.open)),
  fromCandle('log_high_close', 'candles: high, close (ln high/close)', (c) => Math.log(c.high / c.close)),
  fromCandle('log_low_close', 'candles: low, close (ln low/close)', (c) => Math.log(c.low / c.close)),
  fromCandle('volume', 'candles: volume (base units)', (c) => c.volume),
];
