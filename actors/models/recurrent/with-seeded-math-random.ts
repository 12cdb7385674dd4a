import { seededRandom } from '../seeded-random.js';

/**
 * Runs `run` with Math.random replaced by a seeded generator, then restores it. brain.js draws its initial weights
 * from Math.random; `run` is synchronous, so no other code in this thread sees the swap.
 */
export function withSeededMathRandom<T>(seed: number | undefined, run: () => T): T {
  if (seed === undefined) return run();
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}
