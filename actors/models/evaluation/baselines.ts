import { initialSmaState, smas, stepSma, type SmaCrossParams, type SmaState } from '../../strategies/sma-cross/signal.js';
import type { ModelSeries } from './model-series.js';

/** The naive predictors a model must beat, on the same test samples. */
export const BASELINE_NAMES = ['persistence', 'majority', 'sma-cross'] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

/** sma-cross's own defaults (actors/strategies/sma-cross/params.ts). */
export const SMA_BASELINE: SmaCrossParams = { fast: 10, slow: 30 };

/**
 * Each baseline's P(up) for the samples at `rows`, all known at bar t's close:
 * - persistence: the next bar goes the way bar t went (1 if close[t] > close[t-1], else 0);
 * - majority: the training samples' up-rate, so it calls whichever side was more frequent in training;
 * - sma-cross: 1 while the fast SMA of closes up to t is above the slow one, else 0 (also 0 before `slow` closes).
 * Returns a function of the fold (rows, training up-rate); the SMAs are run once over every close.
 */
export function baselines(series: ModelSeries, sma: SmaCrossParams = SMA_BASELINE): (rows: readonly number[], trainUpRate: number) => Record<BaselineName, number[]> {
  const trend: (0 | 1)[] = [];
  let state: SmaState = initialSmaState;
  for (const close of series.closes) {
    state = stepSma(state, close, sma).state;
    const m = smas(state, sma);
    trend.push(m !== undefined && m.fast > m.slow ? 1 : 0);
  }
  return (rows, trainUpRate) => ({
    persistence: rows.map((i) => {
      const b = series.bar[i]!;
      return b > 0 && series.closes[b]! > series.closes[b - 1]! ? 1 : 0;
    }),
    majority: rows.map(() => trainUpRate),
    'sma-cross': rows.map((i) => trend[series.bar[i]!]!),
  });
}
