import { EMA, MACD, type MACDResult } from 'trading-signals';
import type { FeatureDefinition } from './feature.js';

export interface MacdPeriods {
  short: number;
  long: number;
  signal: number;
}

/**
 * MACD(short, long, signal) of closes from trading-signals, as three features: line, signal and histogram. The
 * library gives a signal from the first MACD value on (its EMA seeded with it); we give none until that EMA has
 * `signal` inputs, so the first value is at bar long + signal - 2.
 */
export function macd({ short, long, signal }: MacdPeriods): FeatureDefinition[] {
  const part = (name: string, pick: (r: MACDResult) => number): FeatureDefinition => ({
    name,
    group: 'technical_indicators',
    source: `candles: close (trading-signals MACD ${short},${long},${signal})`,
    lag: 'close of bar t',
    warmUp: long + signal - 2,
    needs: 'candles',
    start() {
      const indicator = new MACD(new EMA(short), new EMA(long), new EMA(signal));
      return (bar) => {
        const result = indicator.add(bar.candle.close);
        return result === null || !indicator.signal.isStable ? null : pick(result);
      };
    },
  });
  return [part('macd_line', (r) => r.macd), part('macd_signal', (r) => r.signal), part('macd_histogram', (r) => r.histogram)];
}
