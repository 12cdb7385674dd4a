import type { Gate } from '../sim/circuit.js';

/**
 * Gates preparing |D(n, k)⟩ from |0…0⟩, after Bärtschi & Eidenbenz, "Deterministic preparation of Dicke states"
 * (FCT 2019, arXiv:1904.07358): X on the last k qubits, then the split-and-cyclic-shift blocks
 * SCS(l, k) for l = n … k+1 and SCS(l, l−1) for l = k … 2. Their qubit j (1-based) is our qubit j − 1.
 * Only x, ry and cx appear: the controlled and doubly controlled RY are decomposed (both exact, RY being real).
 */
export function dickeCircuit(n: number, k: number): Gate[] {
  const gates: Gate[] = [];
  if (k === 0) return gates;
  for (let q = n - k; q < n; q++) gates.push({ name: 'x', qubits: [q] });
  for (let l = n; l > k; l--) scs(gates, l, k);
  for (let l = k; l >= 2; l--) scs(gates, l, l - 1);
  return gates;
}

/** SCS(l, k) on paper qubits l−k … l: the two-qubit gate (i), then the three-qubit gates (ii) for m = 2 … k. */
function scs(gates: Gate[], l: number, k: number): void {
  const q = (j: number) => j - 1;
  gates.push({ name: 'cx', qubits: [q(l - 1), q(l)] });
  cry(gates, q(l), q(l - 1), 2 * Math.acos(Math.sqrt(1 / l)));
  gates.push({ name: 'cx', qubits: [q(l - 1), q(l)] });
  for (let m = 2; m <= k; m++) {
    gates.push({ name: 'cx', qubits: [q(l - m), q(l)] });
    ccry(gates, q(l), q(l - m + 1), q(l - m), 2 * Math.acos(Math.sqrt(m / l)));
    gates.push({ name: 'cx', qubits: [q(l - m), q(l)] });
  }
}

/** RY(θ) on `target` when `control` is 1: ry(θ/2) · cx · ry(−θ/2) · cx. */
function cry(gates: Gate[], control: number, target: number, theta: number): void {
  gates.push({ name: 'ry', qubits: [target], angle: theta / 2 });
  gates.push({ name: 'cx', qubits: [control, target] });
  gates.push({ name: 'ry', qubits: [target], angle: -theta / 2 });
  gates.push({ name: 'cx', qubits: [control, target] });
}

/** RY(θ) on `target` when both controls are 1: four RY(±θ/4) between CXs alternating from each control. */
function ccry(gates: Gate[], c1: number, c2: number, target: number, theta: number): void {
  const a = theta / 4;
  gates.push({ name: 'ry', qubits: [target], angle: a });
  gates.push({ name: 'cx', qubits: [c2, target] });
  gates.push({ name: 'ry', qubits: [target], angle: -a });
  gates.push({ name: 'cx', qubits: [c1, target] });
  gates.push({ name: 'ry', qubits: [target], angle: a });
  gates.push({ name: 'cx', qubits: [c2, target] });
  gates.push({ name: 'ry', qubits: [target], angle: -a });
  gates.push({ name: 'cx', qubits: [c1, target] });
}
