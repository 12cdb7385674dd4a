import { mean, sampleStd } from '../ledger/metrics/stats.js';

/** What one family's weight was decided from: also what the journal keeps of each reallocation. */
export interface SharpeInputs {
  /** Returns in the window. */
  samples: number;
  mean: number;
  std: number;
  /** Per-sample Sharpe ratio mean / std (not annualised: every family is sampled on the same cadence). */
  sharpe: number;
  shrunk: number;
}

/**
 * Sharpe ratio shrunk toward zero, the prior of no skill: sharpe × n / (n + k). The prior counts as k returns, so a
 * short lucky streak moves the weights little and a long record moves them fully (linear shrinkage, as a Bayesian
 * mean with a zero prior of weight k). Fewer than two returns have no spread and score 0. With no spread at all,
 * steady gains score +Infinity (they dominate every finite score) and steady losses −Infinity.
 */
export function shrunkSharpe(returns: readonly number[], k: number): SharpeInputs {
  const n = returns.length;
  const m = mean(returns);
  const std = sampleStd(returns);
  let sharpe = 0;
  if (n >= 2) sharpe = std > 0 ? m / std : m > 0 ? Infinity : m < 0 ? -Infinity : 0;
  return { samples: n, mean: m, std, sharpe, shrunk: n === 0 ? 0 : sharpe * (n / (n + k)) };
}
