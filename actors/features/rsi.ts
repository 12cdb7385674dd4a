import { RSI } from 'trading-signals';
import type { FeatureDefinition } from './feature.js';

/** RSI(interval) of closes, from trading-signals (Wilder smoothing), in 0..100. */
export function rsi(interval: number): FeatureDefinition {
  return {
    name: `rsi_${interval}`,
    group: 'technical_indicators',
    source: 'candles: close (trading-signals RSI)',
    lag: 'close of bar t',
    warmUp: interval,
    needs: 'candles',
    start() {
      const indicator = new RSI(interval);
      return (bar) => indicator.add(bar.candle.close);
    },
  };
}
