import type { SwingPoint } from '../swing-point.js';

/**
 * The price that breaks an impulse count while it unfolds, given its points so far (0, 1, … in order):
 * - in wave 2 or 3 (2–3 points): the start of wave 1 (rule 1: wave 2 never retraces beyond it);
 * - in wave 4 or 5 (4–5 points): the end of wave 1 (rule 3: wave 4 never enters wave 1's territory),
 *   or, for a diagonal, the start of wave 3 (wave 4 still never retraces all of wave 3);
 * - complete (6 points): the start of wave 1 (the five waves are one wave of the next degree up).
 * Null with fewer than 2 points: no wave 1 yet.
 */
export function impulseInvalidation(points: readonly SwingPoint[], diagonal = false): number | null {
  const n = points.length;
  if (n < 2 || n > 6) return null;
  if (n === 4 || n === 5) return points[diagonal ? 2 : 1]!.price;
  return points[0]!.price;
}
