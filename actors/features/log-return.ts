import type { FeatureDefinition } from './feature.js';

/** ln(close_t / close_t-1): no value on the first bar. */
export const LOG_RETURN: FeatureDefinition = {
  name: 'log_return',
  group: 'price_data',
  source: 'candles: close of bars t-1 and t',
  lag: 'close of bar t',
  warmUp: 1,
  needs: 'candles',
  start() {
    let previous: number | undefined;
    return (bar) => {
      const close = bar.candle.close;
      const value = previous === undefined ? null : Math.log(close / previous);
      previous = close;
      return value;
    };
  },
};
