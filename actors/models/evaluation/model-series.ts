import type { FeatureMatrix } from '../../features/build-feature-matrix.js';
import type { FeatureInfo } from '../../features/feature.js';
import type { Candle } from '../../market-data/types.js';
import { InputError } from '../../runtime/errors.js';

/**
 * Features that are raw price levels: a model reading them learns where the price was in its training window, which
 * says nothing about the next bar elsewhere. Left out of a model's inputs unless asked for.
 */
export const PRICE_LEVEL_FEATURES: readonly string[] = ['close'];

/**
 * What walk-forward evaluation and training read: the chosen feature columns of each matrix row (raw, unscaled), the
 * candle each row belongs to, and every candle's close (labels, persistence and sma-cross read closes).
 * Plain arrays, so it crosses to a worker thread as a structured clone.
 */
export interface ModelSeries {
  timeframeMs: number;
  /** The features the model is given, in column order. */
  features: FeatureInfo[];
  /** Open time of each row's bar. */
  ts: number[];
  /** Row → the selected feature values. */
  values: number[][];
  /** Row → index of its bar in `closes`. */
  bar: number[];
  /** Every candle's close, oldest first. */
  closes: number[];
}

/** Picks the model's inputs from a feature matrix: every feature except `exclude` (by default the price levels). */
export function toModelSeries(matrix: FeatureMatrix, candles: readonly Candle[], timeframeMs: number, exclude: readonly string[] = PRICE_LEVEL_FEATURES): ModelSeries {
  const unknown = exclude.filter((name) => !matrix.features.some((f) => f.name === name) && !PRICE_LEVEL_FEATURES.includes(name));
  if (unknown.length > 0) throw new InputError(`features to leave out: ${unknown.join(', ')} not in the matrix (${matrix.features.map((f) => f.name).join(', ')})`);
  const columns = matrix.features.flatMap((f, j) => (exclude.includes(f.name) ? [] : [j]));
  if (columns.length === 0) throw new InputError('features: none left for the model after leaving out ' + exclude.join(', '));
  const index = new Map(candles.map((c, i) => [c.ts, i]));
  const bar = matrix.rows.map((row) => {
    const i = index.get(row.ts);
    if (i === undefined) throw new Error(`feature row ${row.ts} has no candle`);
    return i;
  });
  return {
    timeframeMs,
    features: columns.map((j) => matrix.features[j]!),
    ts: matrix.rows.map((r) => r.ts),
    values: matrix.rows.map((r) => columns.map((j) => r.values[j]!)),
    bar,
    closes: candles.map((c) => c.close),
  };
}
