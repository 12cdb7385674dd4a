/**
 * Samples for the model benches: the recorded BTC/USDT week's candle features, min/max scaled, one sample per bar
 * with a full window behind it (the shape `arbiter train` feeds the models).
 */
import { buildFeatureMatrix } from '../actors/features/build-feature-matrix.js';
import { loadCandles } from '../actors/market-data/candles/load-candles.js';
import type { Sample } from '../actors/models/sample.js';
import { fitScaler, scaleRow } from '../actors/models/scaler.js';

export const BTC_WEEK = new URL('../data/candles/BTC_USDT-1m-2021-02-19_week.json', import.meta.url).pathname;

export function weekSamples(window: number, count: number): { samples: Sample[]; features: number } {
  const series = loadCandles(BTC_WEEK);
  const matrix = buildFeatureMatrix(series.candles, { timeframeMs: series.timeframeMs });
  const raw = matrix.rows.map((r) => r.values);
  const scaler = fitScaler(raw);
  const rows = raw.map((r) => scaleRow(scaler, r));
  const close = matrix.features.findIndex((f) => f.name === 'close');
  const samples: Sample[] = [];
  for (let t = window - 1; t + 1 < rows.length && samples.length < count; t++) {
    const nextReturn = Math.log(raw[t + 1]![close]! / raw[t]![close]!);
    samples.push({ ts: matrix.rows[t]!.ts, window: rows.slice(t - window + 1, t + 1), next: rows[t + 1]!, up: nextReturn > 0 ? 1 : 0, nextReturn });
  }
  return { samples, features: matrix.features.length };
}
