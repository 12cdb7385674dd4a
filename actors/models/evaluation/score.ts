import type { Score } from './walk-forward-report.js';
import { longFlatPnl, type Outcome } from './long-flat-pnl.js';

/** The call a probability makes: up only when P(up) > 0.5 (a coin at exactly 0.5 stays flat). */
export const callsUp = (p: number): boolean => p > 0.5;

/** Per sample, whether the call was right. */
export function rightCalls(ps: readonly number[], outcomes: readonly Outcome[]): boolean[] {
  return ps.map((p, i) => (callsUp(p) ? 1 : 0) === outcomes[i]!.up);
}

/** Directional accuracy, Brier score and long/flat P&L net of fees of one predictor's P(up) on the samples. */
export function score(ps: readonly number[], outcomes: readonly Outcome[], fee: number, timeframeMs: number): Score {
  if (ps.length !== outcomes.length) throw new RangeError(`score: ${ps.length} predictions for ${outcomes.length} samples`);
  const n = outcomes.length;
  const right = rightCalls(ps, outcomes).filter(Boolean).length;
  let brier = 0;
  for (let i = 0; i < n; i++) brier += (ps[i]! - outcomes[i]!.up) ** 2;
  const { pnl } = longFlatPnl(ps.map(callsUp), outcomes, fee, timeframeMs);
  return { accuracy: n === 0 ? 0 : right / n, samples: n, brier: n === 0 ? 0 : brier / n, pnl };
}
