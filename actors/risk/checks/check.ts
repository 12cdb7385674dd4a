import type { DenyReason, OrderIntent } from '../intent.js';
import type { RiskLimits } from '../limits.js';
import type { RiskView } from '../risk-view.js';

/** On a pass, `clips` says why the amount is less than asked (one line per check that clipped it; absent when none did). */
export type Verdict = { ok: true; amount: number; clips?: string[] } | { ok: false; reason: DenyReason; detail: string };

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

/** Pass with a smaller amount, saying why. */
export function clip(amount: number, why: string): Verdict {
  return { ok: true, amount, clips: [why] };
}

export function deny(reason: DenyReason, detail: string): Verdict {
  return { ok: false, reason, detail };
}
