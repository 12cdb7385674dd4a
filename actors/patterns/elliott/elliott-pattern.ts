import type { Direction, PatternPoint } from '../swing-point.js';

/**
 * An Elliott wave count that passed its rules. `direction` is the way the waves move (a bullish impulse
 * rises 0→5; a bearish ABC falls 0→C), not a forecast of the next move.
 */
export interface ElliottPattern {
  family: 'elliott';
  /** 'diagonal' is a five-wave count whose wave 4 overlaps wave 1 inside converging 1–3 / 2–4 trendlines. */
  name: 'impulse' | 'diagonal' | 'abc';
  direction: Direction;
  /** '0'..'5' for an impulse or diagonal; '0', 'A', 'B', 'C' for a correction ('0' is where wave A starts). */
  points: PatternPoint[];
  ratios: Record<string, number>;
  /** The price whose crossing breaks the count (see impulse-invalidation.ts and check-abc.ts). */
  invalidation: number;
}

/** Why a sequence of swing points is not the pattern: the rule broken and the numbers that broke it. */
export interface RuleFailure<R extends string> {
  rule: R;
  detail: string;
}

/** A check's outcome: the pattern, or every rule it broke. */
export type CheckResult<R extends string> = { ok: true; pattern: ElliottPattern } | { ok: false; failures: RuleFailure<R>[] };
