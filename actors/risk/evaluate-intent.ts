import type { OrderIntent } from './intent.js';
import type { RiskLimits } from './limits.js';
import type { RiskView } from './risk-view.js';
import type { Check, Verdict } from './checks/check.js';
import { validIntent } from './checks/valid-intent.js';
import { riskState } from './checks/risk-state.js';
import { dailyLoss } from './checks/daily-loss.js';
import { staleData } from './checks/stale-data.js';
import { submitRate } from './checks/submit-rate.js';
import { reduceOnly } from './checks/reduce-only.js';
import { toxicity } from './checks/toxicity.js';
import { minProfit } from './checks/min-profit.js';
import { maxNotional } from './checks/max-notional.js';
import { positionLimit } from './checks/position-limit.js';
import { leverage } from './checks/leverage.js';

export type { Verdict } from './checks/check.js';

/** Order matters: state first (HALTED passes only cancels), then clipping (reduce-only, toxicity) before the size limits. */
export const CHECKS: readonly Check[] = [
  validIntent,
  riskState,
  dailyLoss,
  staleData,
  submitRate,
  reduceOnly,
  toxicity,
  minProfit,
  maxNotional,
  positionLimit,
  leverage,
];

/** Pure: the verdict on one intent. The first check that denies wins; a check may clip the amount (and say why). */
export function evaluate(intent: OrderIntent, view: RiskView, limits: RiskLimits, now: number): Verdict {
  // One input for every check (checks are pure and keep nothing), its amount updated as they clip it.
  const input = { intent, view, limits, now, amount: intent.amount };
  let clips: string[] | undefined;
  for (const check of CHECKS) {
    const verdict = check(input);
    if (!verdict.ok) return verdict;
    input.amount = verdict.amount;
    if (verdict.clips) (clips ??= []).push(...verdict.clips);
  }
  return clips ? { ok: true, amount: input.amount, clips } : { ok: true, amount: input.amount };
}
