import { z } from 'zod';

/** Parameters every multi-leg (leg-risk) strategy shares: how long legs may take and what happens to a partial trade. */
export const legRiskParamFields = {
  deadlineMs: z.number().int().positive().default(1_500).describe('leg risk: time for every leg to fill before hedging or unwinding'),
  hedgeDeadlineMs: z.number().int().positive().default(3_000).describe('leg risk: time for hedges to fill before the group is stuck (and risk halts)'),
  policy: z.enum(['unwind', 'complete', 'auto']).default('auto').describe('a partly filled trade: unwind the filled legs, complete the missing ones, or auto (complete when mostly filled)'),
  legFraction: z.number().gt(0).max(1).default(0.45).describe("each leg's notional as a fraction of risk's per-symbol position limit (two strategies may hold the same symbol)"),
};

/** The quote-currency notional one leg may use under risk's position limit. */
export function legCapital(host: { capital: number; limits: { maxPositionFraction: number } }, legFraction: number): number {
  return legFraction * host.limits.maxPositionFraction * host.capital;
}
