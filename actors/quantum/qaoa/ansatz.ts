import { diagonalPhase, rx, xy } from '../sim/gates.js';
import type { StateVector } from '../sim/state-vector.js';

export type Mixer = 'x' | 'xy';

/**
 * The XY mixer's ring pairs (k, k+1 mod n), in the order applied: even k first, then odd k (two layers of disjoint
 * pairs when n is even; with n odd the wrap-around pair (n−1, 0) comes last among the even k). n = 2 has one pair.
 */
export function ringPairs(n: number): [number, number][] {
  if (n < 2) return [];
  if (n === 2) return [[0, 1]];
  const pairs: [number, number][] = [];
  for (const parity of [0, 1]) for (let k = parity; k < n; k += 2) pairs.push([k, (k + 1) % n]);
  return pairs;
}

/** exp(−iβB): B = Σ X_i (RX(2β) on every qubit) or the XY ring Σ (X_aX_b + Y_aY_b)/2 as one XY gate per ring pair. */
export function applyMixer(state: StateVector, mixer: Mixer, beta: number): void {
  if (mixer === 'x') for (let q = 0; q < state.n; q++) rx(state, q, 2 * beta);
  else for (const [a, b] of ringPairs(state.n)) xy(state, a, b, beta);
}

/** p layers exp(−iβ_l B) exp(−iγ_l C) applied in place, C given by its value on every basis state. */
export function applyLayers(state: StateVector, cost: Float64Array, mixer: Mixer, gamma: readonly number[], beta: readonly number[]): void {
  for (let l = 0; l < gamma.length; l++) {
    diagonalPhase(state, cost, gamma[l]!);
    applyMixer(state, mixer, beta[l]!);
  }
}
