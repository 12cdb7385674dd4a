import { BollingerBands, BollingerBandsWidth, PercentB } from 'trading-signals';
import type { FeatureDefinition } from './feature.js';

/**
 * Bollinger Bands(interval, k) of closes from trading-signals, as %b ((close - lower) / (upper - lower), 0.5 on a
 * flat window) and bandwidth ((upper - lower) / middle).
 */
export function bollinger(interval: number, deviations: number): FeatureDefinition[] {
  const base = {
    group: 'technical_indicators' as const,
    lag: 'close of bar t',
    warmUp: interval - 1,
    needs: 'candles' as const,
  };
  return [
    {
      ...base,
      name: 'bb_percent_b',
      source: `candles: close (trading-signals PercentB ${interval},${deviations})`,
      start() {
        const indicator = new PercentB({ interval, deviationMultiplier: deviations });
        return (bar) => indicator.add(bar.candle.close);
      },
    },
    {
      ...base,
      name: 'bb_bandwidth',
      source: `candles: close (trading-signals BollingerBandsWidth ${interval},${deviations})`,
      start() {
        const indicator = new BollingerBandsWidth(new BollingerBands(interval, deviations));
        return (bar) => indicator.add(bar.candle.close);
      },
    },
  ];
}
