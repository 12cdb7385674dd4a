import type { DenyReason, OrderIntent } from '../intent.js';
import type { RiskLimits } from '../limits.js';
import type { RiskView } from '../risk-view.js';

export type Verdict = { ok: true; amount: number } | { ok: false; reason: DenyReason; detail: string };

export interface CheckInput {
  intent: OrderIntent;
  view: RiskView;
  limits: RiskLimits;
  now: number;
  /** Amount allowed so far (an earlier check may have clipped it). */
  amount: number;
}

/** One risk rule: pass (possibly with a smaller amount) or deny with a reason and a detail a human can act on. */
export type Check = (input: CheckInput) => Verdict;

export function pass(amount: number): Verdict {
  return { ok: true, amount };
}

export function deny(reason: DenyReason, detail: string): Verdict {
  return { ok: false, reason, detail };
}
