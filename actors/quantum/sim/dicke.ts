import { StateVector } from './state-vector.js';

/** |D(n, k)⟩, the equal superposition of the C(n, k) basis states of Hamming weight k, written directly as amplitudes. */
export function dickeState(n: number, k: number): StateVector {
  const state = new StateVector(n);
  state.re[0] = 0;
  let count = 0;
  for (let i = 0; i < state.size; i++) if (popcount(i) === k) count++;
  const amp = 1 / Math.sqrt(count);
  for (let i = 0; i < state.size; i++) if (popcount(i) === k) state.re[i] = amp;
  return state;
}

export function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
