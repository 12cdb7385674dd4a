import { boundedShares } from './bounded-shares.js';
import type { Family, Weights } from './family.js';

export interface WeightBounds {
  floor: number;
  cap: number;
}

/**
 * The weights the running families should have: proportional to max(shrunk Sharpe, 0), each within the bounds,
 * together `share` (the running families' starting total, so the whole allocation stays ≤ 1).
 * Undefined when no running family has a positive shrunk Sharpe: then nothing has earned more capital than another.
 */
export function targetWeights(running: readonly Family[], shrunk: Readonly<Partial<Record<Family, number>>>, share: number, bounds: WeightBounds): Weights | undefined {
  const scores = running.map((f) => Math.max(shrunk[f] ?? 0, 0));
  if (!scores.some((s) => s > 0)) return undefined;
  const shares = boundedShares(scores, share, bounds.floor, bounds.cap);
  const out: Weights = {};
  running.forEach((f, i) => (out[f] = shares[i]!));
  return out;
}
