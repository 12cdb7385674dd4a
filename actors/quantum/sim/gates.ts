import type { StateVector } from './state-vector.js';

/**
 * Gates applied in place. Matrices follow Qiskit: RX(θ) = exp(−iθX/2), RY(θ) = exp(−iθY/2), RZ(θ) = exp(−iθZ/2)
 * = diag(e^{−iθ/2}, e^{iθ/2}), RZZ(θ) = exp(−iθ Z⊗Z/2), CX(control, target).
 */

/** A general single-qubit gate [[a, b], [c, d]], each entry as (re, im). */
export function apply1(state: StateVector, qubit: number, m: readonly number[]): void {
  const [ar, ai, br, bi, cr, ci, dr, di] = m as [number, number, number, number, number, number, number, number];
  const { re, im, size } = state;
  const stride = 1 << qubit;
  for (let base = 0; base < size; base += stride << 1) {
    for (let k0 = base; k0 < base + stride; k0++) {
      const k1 = k0 | stride;
      const xr = re[k0]!, xi = im[k0]!, yr = re[k1]!, yi = im[k1]!;
      re[k0] = ar * xr - ai * xi + br * yr - bi * yi;
      im[k0] = ar * xi + ai * xr + br * yi + bi * yr;
      re[k1] = cr * xr - ci * xi + dr * yr - di * yi;
      im[k1] = cr * xi + ci * xr + dr * yi + di * yr;
    }
  }
}

export function h(state: StateVector, qubit: number): void {
  const s = Math.SQRT1_2;
  apply1(state, qubit, [s, 0, s, 0, s, 0, -s, 0]);
}

export function x(state: StateVector, qubit: number): void {
  const { re, im, size } = state;
  const stride = 1 << qubit;
  for (let k0 = 0; k0 < size; k0++) {
    if (k0 & stride) continue;
    const k1 = k0 | stride;
    const r = re[k0]!, i = im[k0]!;
    re[k0] = re[k1]!;
    im[k0] = im[k1]!;
    re[k1] = r;
    im[k1] = i;
  }
}

export function rx(state: StateVector, qubit: number, theta: number): void {
  const c = Math.cos(theta / 2), s = Math.sin(theta / 2);
  apply1(state, qubit, [c, 0, 0, -s, 0, -s, c, 0]);
}

export function ry(state: StateVector, qubit: number, theta: number): void {
  const c = Math.cos(theta / 2), s = Math.sin(theta / 2);
  apply1(state, qubit, [c, 0, -s, 0, s, 0, c, 0]);
}

export function rz(state: StateVector, qubit: number, theta: number): void {
  const c = Math.cos(theta / 2), s = Math.sin(theta / 2);
  apply1(state, qubit, [c, -s, 0, 0, 0, 0, c, s]);
}

export function cx(state: StateVector, control: number, target: number): void {
  const { re, im, size } = state;
  const cm = 1 << control, tm = 1 << target;
  for (let k0 = 0; k0 < size; k0++) {
    if (!(k0 & cm) || k0 & tm) continue;
    const k1 = k0 | tm;
    const r = re[k0]!, i = im[k0]!;
    re[k0] = re[k1]!;
    im[k0] = im[k1]!;
    re[k1] = r;
    im[k1] = i;
  }
}

/** exp(−iθ Z_a Z_b / 2): the phase e^{∓iθ/2} by the parity of the two bits. */
export function rzz(state: StateVector, a: number, b: number, theta: number): void {
  const { re, im, size } = state;
  const am = 1 << a, bm = 1 << b;
  const c = Math.cos(theta / 2), s = Math.sin(theta / 2);
  for (let k = 0; k < size; k++) {
    const sign = (k & am ? 1 : 0) ^ (k & bm ? 1 : 0) ? -1 : 1;
    const r = re[k]!, i = im[k]!, si = sign * s;
    re[k] = r * c + i * si;
    im[k] = i * c - r * si;
  }
}

/**
 * The XY mixer on one pair, exp(−iβ(X_aX_b + Y_aY_b)/2): on span{|01⟩, |10⟩} it is [[cos β, −i sin β], [−i sin β, cos β]],
 * on |00⟩ and |11⟩ the identity, so it never changes the Hamming weight.
 */
export function xy(state: StateVector, a: number, b: number, beta: number): void {
  const { re, im, size } = state;
  const am = 1 << a, bm = 1 << b;
  const c = Math.cos(beta), s = Math.sin(beta);
  for (let k = 0; k < size; k++) {
    if (!(k & am) || k & bm) continue;
    const j = (k ^ am) | bm;
    const kr = re[k]!, ki = im[k]!, jr = re[j]!, ji = im[j]!;
    re[k] = c * kr + s * ji;
    im[k] = c * ki - s * jr;
    re[j] = c * jr + s * ki;
    im[j] = c * ji - s * kr;
  }
}

/** exp(−iγ D) for a diagonal D given by its value per basis state: one pass, the fast QAOA cost layer. */
export function diagonalPhase(state: StateVector, values: Float64Array, gamma: number): void {
  const { re, im, size } = state;
  for (let k = 0; k < size; k++) {
    const phi = gamma * values[k]!;
    const c = Math.cos(phi), s = Math.sin(phi);
    const r = re[k]!, i = im[k]!;
    re[k] = r * c + i * s;
    im[k] = i * c - r * s;
  }
}
