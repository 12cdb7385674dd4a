import type { FeatureDefinition } from './feature.js';

/**
 * Realized volatility over the last `window` bars: sqrt(Σ r²) of their log returns, per bar span (not annualised).
 * Needs window + 1 closes, so its first value is at bar `window`.
 */
export function realizedVolatility(window: number): FeatureDefinition {
  return {
    name: `realized_vol_${window}`,
    group: 'price_data',
    source: `candles: close of bars t-${window}..t`,
    lag: 'close of bar t',
    warmUp: window,
    needs: 'candles',
    start() {
      let previous: number | undefined;
      const returns: number[] = [];
      return (bar) => {
        const close = bar.candle.close;
        if (previous !== undefined) returns.push(Math.log(close / previous));
        previous = close;
        if (returns.length > window) returns.shift();
        if (returns.length < window) return null;
        return Math.sqrt(returns.reduce((sum, r) => sum + r * r, 0));
      };
    },
  };
}
