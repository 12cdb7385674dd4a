import type { SwingPoint } from '../swing-point.js';
import type { CheckResult, RuleFailure } from './elliott-pattern.js';
import { signedWaves } from './signed-waves.js';

/** Why four swing points are not a zigzag correction. */
export type AbcRule = 'shape' | 'b-retracement' | 'c-not-beyond-a';

/**
 * How much of wave A wave B may retrace in a zigzag, inclusive. Frost & Prechter ("Elliott Wave Principle",
 * ch. 2, zigzags) only require B to retrace less than all of A (a B near 100% makes a flat); we narrow it to the
 * Fibonacci band 0.382–0.886 so a shallow pause or an almost-complete retracement is not called a zigzag.
 */
export const B_RETRACEMENT = { min: 0.382, max: 0.886 } as const;

/** Ratios within this of a band edge count as on it, so 0.382 written in prices is not lost to rounding. */
const EPS = 1e-9;

/**
 * Checks four swing points (0 = where A starts, A, B, C) as a zigzag correction, simplified from 5-3-5 to its
 * three legs; bearish when point 0 is a swing high (A, C fall). C must end strictly beyond A's end.
 * Invalidation is C's end: a price beyond it means the correction did not end at C.
 */
export function checkAbc(points: readonly SwingPoint[]): CheckResult<AbcRule> {
  if (points.length !== 4) return fail('shape', `an ABC correction needs 4 points (0, A, B, C), got ${points.length}`);
  const waves = signedWaves(points);
  if (typeof waves === 'string') return fail('shape', waves.replace(/wave 1\b/, 'wave A').replace(/wave 2\b/, 'wave B').replace(/wave 3\b/, 'wave C'));
  const { direction, u, lengths } = waves;
  const [a, b, c] = lengths as [number, number, number];
  const bRetracement = b / a;
  const failures: RuleFailure<AbcRule>[] = [];
  if (bRetracement < B_RETRACEMENT.min - EPS || bRetracement > B_RETRACEMENT.max + EPS) {
    failures.push({ rule: 'b-retracement', detail: `wave B retraces ${round(bRetracement)} of wave A, outside ${B_RETRACEMENT.min}–${B_RETRACEMENT.max}` });
  }
  if (u[3]! <= u[1]!) failures.push({ rule: 'c-not-beyond-a', detail: `wave C ends at ${points[3]!.price}, not beyond wave A's end ${points[1]!.price}` });
  if (failures.length > 0) return { ok: false, failures };
  return {
    ok: true,
    pattern: {
      family: 'elliott',
      name: 'abc',
      direction,
      points: points.map((p, i) => ({ label: ['0', 'A', 'B', 'C'][i]!, ts: p.ts, price: p.price })),
      ratios: { bRetracement, cVsA: c / a },
      invalidation: points[3]!.price,
    },
  };
}

function fail(rule: AbcRule, detail: string): CheckResult<AbcRule> {
  return { ok: false, failures: [{ rule, detail }] };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
