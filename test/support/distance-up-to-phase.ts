import type { StateVector } from '../../actors/quantum/sim/state-vector.js';

/** max_k |a_k e^{iφ} − b_k| with e^{iφ} the phase of ⟨a|b⟩: equality up to a global phase. */
export function distanceUpToPhase(a: StateVector, b: StateVector): number {
  let or = 0, oi = 0;
  for (let k = 0; k < a.size; k++) {
    or += a.re[k]! * b.re[k]! + a.im[k]! * b.im[k]!;
    oi += a.re[k]! * b.im[k]! - a.im[k]! * b.re[k]!;
  }
  const m = Math.hypot(or, oi);
  const pr = or / m, pi = oi / m;
  let worst = 0;
  for (let k = 0; k < a.size; k++) {
    worst = Math.max(worst, Math.hypot(a.re[k]! * pr - a.im[k]! * pi - b.re[k]!, a.re[k]! * pi + a.im[k]! * pr - b.im[k]!));
  }
  return worst;
}
