import { InputError } from '../runtime/errors.js';
import type { Qubo } from './qubo.js';

/** Above this the feasible set C(n, B) and a state vector of 2ⁿ amplitudes stop being small. */
export const MAX_QUBITS = 20;

/**
 * Every selection of weight `budget`, in increasing order of its bit pattern (bit i = asset i), via Gosper's hack.
 * Yields the bit pattern as a number.
 */
export function* combinations(n: number, budget: number): Generator<number> {
  if (budget === 0) {
    yield 0;
    return;
  }
  const limit = 1 << n;
  let v = (1 << budget) - 1;
  while (v < limit) {
    yield v;
    const t = v | (v - 1);
    v = (t + 1) | (((~t & -~t) - 1) >>> (ctz(v) + 1));
  }
}

function ctz(v: number): number {
  return 31 - Math.clz32(v & -v);
}

/** Throws InputError unless 1 ≤ n ≤ 20 and 0 ≤ budget ≤ n, both integers. */
export function checkSize(n: number, budget: number): void {
  const issues: string[] = [];
  if (!Number.isInteger(n) || n < 1 || n > MAX_QUBITS) issues.push(`n: ${n} is not an integer in 1..${MAX_QUBITS}`);
  if (!Number.isInteger(budget) || budget < 0 || budget > n) issues.push(`budget: ${budget} is not an integer in 0..n (${n})`);
  if (issues.length > 0) throw new InputError('quantum: problem size out of range', issues);
}

/** The selection as 0/1 per asset from its bit pattern. */
export function bitsOf(pattern: number, n: number): (0 | 1)[] {
  return Array.from({ length: n }, (_, i) => ((pattern >>> i) & 1) as 0 | 1);
}

/**
 * The exact optimum of the QUBO over Σx = budget, by enumerating all C(n, budget) selections (n ≤ 20).
 * `values` holds the objective of every feasible selection in `combinations` order; ties go to the first.
 */
export function bruteForce(qubo: Qubo, budget: number): { selection: (0 | 1)[]; objective: number; feasible: number; values: Float64Array } {
  const { n, Q, c, offset } = qubo;
  checkSize(n, budget);
  const values: number[] = [];
  let best = 0;
  let bestValue = Infinity;
  const on: number[] = [];
  for (const pattern of combinations(n, budget)) {
    on.length = 0;
    for (let i = 0; i < n; i++) if ((pattern >>> i) & 1) on.push(i);
    let value = offset;
    for (let a = 0; a < on.length; a++) {
      const i = on[a]!;
      const row = Q[i]!;
      value += c[i]! + row[i]!;
      for (let b = a + 1; b < on.length; b++) value += 2 * row[on[b]!]!;
    }
    if (value < bestValue) {
      bestValue = value;
      best = pattern;
    }
    values.push(value);
  }
  return { selection: bitsOf(best, n), objective: bestValue, feasible: values.length, values: Float64Array.from(values) };
}
