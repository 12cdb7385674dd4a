import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cx, diagonalPhase, h, rx, ry, rz, rzz, x, xy } from '../../../actors/quantum/sim/gates.js';
import { StateVector } from '../../../actors/quantum/sim/state-vector.js';
import { seededRandom } from '../../../actors/runtime/random.js';
import { InputError } from '../../../actors/runtime/errors.js';

const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} vs ${b}`);

function randomState(n: number, seed: number): StateVector {
  const random = seededRandom(seed);
  const s = new StateVector(n);
  for (let k = 0; k < s.size; k++) {
    s.re[k] = random() - 0.5;
    s.im[k] = random() - 0.5;
  }
  const norm = Math.sqrt(s.norm2());
  for (let k = 0; k < s.size; k++) {
    s.re[k]! /= norm;
    s.im[k]! /= norm;
  }
  return s;
}

function assertSame(a: StateVector, b: StateVector): void {
  for (let k = 0; k < a.size; k++) {
    close(a.re[k]!, b.re[k]!, `re[${k}]`);
    close(a.im[k]!, b.im[k]!, `im[${k}]`);
  }
}

test('qubit i is bit i of the basis index (little-endian): X on qubit 1 of |00⟩ gives index 2, CX(1→0) then index 3', () => {
  const s = StateVector.zero(2);
  x(s, 1);
  close(s.re[2]!, 1, 'after x');
  cx(s, 1, 0);
  close(s.re[3]!, 1, 'after cx');
  cx(s, 0, 1); // control qubit 0 is 1: qubit 1 flips back
  close(s.re[1]!, 1, 'after second cx');
});

test('single-qubit rotations have Qiskit matrices: RX(π)|0⟩ = −i|1⟩, RY(π/2)|0⟩ = |+⟩, RZ(θ) = diag(e^{−iθ/2}, e^{iθ/2}), HH = I', () => {
  const a = StateVector.zero(1);
  rx(a, 0, Math.PI);
  close(a.re[1]!, 0, 're'); close(a.im[1]!, -1, 'im');
  const b = StateVector.zero(1);
  ry(b, 0, Math.PI / 2);
  close(b.re[0]!, Math.SQRT1_2, '|0⟩'); close(b.re[1]!, Math.SQRT1_2, '|1⟩');
  const c = StateVector.plus(1);
  rz(c, 0, 0.6);
  close(c.re[0]!, Math.SQRT1_2 * Math.cos(0.3), 're0'); close(c.im[0]!, -Math.SQRT1_2 * Math.sin(0.3), 'im0');
  close(c.re[1]!, Math.SQRT1_2 * Math.cos(0.3), 're1'); close(c.im[1]!, Math.SQRT1_2 * Math.sin(0.3), 'im1');
  const d = randomState(3, 1), e = randomState(3, 1);
  h(d, 1); h(d, 1);
  assertSame(d, e);
});

test('RZZ(θ) on qubits (0, 2) equals CX · RZ(θ) on the target · CX on a random 3-qubit state', () => {
  const a = randomState(3, 7), b = randomState(3, 7);
  rzz(a, 0, 2, 0.9);
  cx(b, 0, 2); rz(b, 2, 0.9); cx(b, 0, 2);
  assertSame(a, b);
});

test('the XY gate rotates |01⟩ into |10⟩ (cos β, −i sin β), leaves |00⟩ and |11⟩, and equals exp(−iβXX/2)·exp(−iβYY/2) via H and RX(±π/2) basis changes', () => {
  const s = StateVector.zero(2);
  x(s, 0); // |q1 q0⟩ = |01⟩, index 1
  xy(s, 0, 1, 0.4);
  close(s.re[1]!, Math.cos(0.4), 'stays'); close(s.im[2]!, -Math.sin(0.4), 'moves'); close(s.probability(0) + s.probability(3), 0, 'weight kept');
  const a = randomState(3, 3), b = randomState(3, 3);
  xy(a, 2, 0, 0.7);
  // exp(−iβ XX/2): H on both, RZZ(β), H on both; exp(−iβ YY/2): RX(π/2) on both, RZZ(β), RX(−π/2) on both.
  h(b, 2); h(b, 0); rzz(b, 2, 0, 0.7); h(b, 2); h(b, 0);
  rx(b, 2, Math.PI / 2); rx(b, 0, Math.PI / 2); rzz(b, 2, 0, 0.7); rx(b, 2, -Math.PI / 2); rx(b, 0, -Math.PI / 2);
  assertSame(a, b);
});

test('a diagonal phase layer exp(−iγD) multiplies each amplitude by e^{−iγD_k} and keeps the norm', () => {
  const s = StateVector.plus(2);
  diagonalPhase(s, Float64Array.from([0, 1, 2, -1]), 0.5);
  close(s.re[2]!, 0.5 * Math.cos(1), 're2'); close(s.im[2]!, -0.5 * Math.sin(1), 'im2');
  close(s.im[3]!, 0.5 * Math.sin(0.5), 'im3');
  close(s.norm2(), 1, 'norm');
});

test('a state of 21 qubits is refused as InputError naming n', () => {
  assert.throws(() => new StateVector(21), (e: unknown) => e instanceof InputError && /n: 21/.test(e.message));
});
