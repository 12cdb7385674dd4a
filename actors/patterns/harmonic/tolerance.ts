import type { RatioRule } from './ratio-table.js';

/** Default relative tolerance: each ratio may miss its table value (or range ends) by 5 % of that value. */
export const DEFAULT_TOLERANCE = 0.05;

/**
 * The one tolerance rule: a value r becomes [r·(1−t), r·(1+t)], a range [lo, hi] becomes [lo·(1−t), hi·(1+t)]
 * (symmetric and relative, so 0.618 ±5 % is [0.5871, 0.6489] and 0.786 ±5 % is [0.7467, 0.8253]).
 */
export function band(rule: RatioRule, tolerance: number): readonly [min: number, max: number] {
  const [lo, hi] = typeof rule === 'number' ? [rule, rule] : rule;
  return [lo * (1 - tolerance), hi * (1 + tolerance)];
}

/** Whether a measured ratio satisfies a rule under the tolerance (band ends included). */
export function fits(ratio: number, rule: RatioRule, tolerance: number): boolean {
  const [min, max] = band(rule, tolerance);
  return ratio >= min && ratio <= max;
}
