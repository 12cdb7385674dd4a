import { InputError } from '../runtime/errors.js';
import { quboValue, type Qubo } from './qubo.js';

/** Brute force enumerates C(n, B) selections: beyond 20 assets that stops being a check anyone waits for. */
export const MAX_BRUTE_FORCE_ASSETS = 20;

/** Bit i of `mask` as x_i. */
function selectionOf(mask: number, n: number): (0 | 1)[] {
  return Array.from({ length: n }, (_, i) => ((mask >>> i) & 1) as 0 | 1);
}

/**
 * The exact optimum of a QUBO over the selections with Σx = budget, by enumerating all of them in ascending
 * bitmask order (x_i is bit i; Gosper's hack steps to the next mask with the same number of bits). `values[k]`
 * is the objective of the k-th selection in that order, `feasible` their count C(n, budget); ties keep the
 * first selection found.
 */
export function bruteForce(qubo: Qubo, budget: number): { selection: (0 | 1)[]; objective: number; feasible: number; values: Float64Array } {
  const { n } = qubo;
  if (n > MAX_BRUTE_FORCE_ASSETS) throw new InputError(`brute force: ${n} assets, at most ${MAX_BRUTE_FORCE_ASSETS}`);
  if (!Number.isInteger(budget) || budget < 0 || budget > n) throw new InputError(`budget ${budget}: expected an integer from 0 to ${n}`);
  const values: number[] = [];
  let best = { mask: 0, objective: Infinity };
  const last = n === 0 ? 0 : ((1 << budget) - 1) * 2 ** (n - budget);
  let mask = (1 << budget) - 1;
  for (;;) {
    const objective = quboValue(qubo, selectionOf(mask, n));
    values.push(objective);
    if (objective < best.objective) best = { mask, objective };
    if (mask === last || mask === 0) break;
    const lowest = mask & -mask;
    const ripple = mask + lowest;
    mask = (((ripple ^ mask) >>> 2) / lowest) | ripple;
  }
  return { selection: selectionOf(best.mask, n), objective: best.objective, feasible: values.length, values: Float64Array.from(values) };
}
