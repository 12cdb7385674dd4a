import { ringPairs, type Mixer } from '../qaoa/ansatz.js';
import { dickeCircuit } from '../qaoa/dicke-circuit.js';
import type { Ising } from '../qaoa/ising.js';
import type { Gate } from '../sim/circuit.js';

/**
 * The QAOA circuit in gates the original qelib1.inc defines (h, x, rx, ry, rz, cx; its rzz, rxx, ryy are later
 * Qiskit additions, so they are decomposed here):
 * - start: H on every qubit (`x`), or the Bärtschi–Eidenbenz Dicke circuit for weight `budget` (`xy`);
 * - cost layer exp(−iγ(Σ h_i Z_i + Σ J_ij Z_i Z_j)) as RZ(2γh_i) and RZZ(2γJ_ij) = CX · RZ(2γJ_ij) · CX
 *   (the Ising offset is a global phase and is left out; zero terms are skipped);
 * - mixer: RX(2β) on every qubit, or per ring pair exp(−iβ(XX + YY)/2) = RXX(β) · RYY(β), RXX through H, RYY through RX(±π/2).
 */
export function qaoaCircuit(ising: Ising, mixer: Mixer, budget: number, angles: { gamma: readonly number[]; beta: readonly number[] }): Gate[] {
  const n = ising.h.length;
  const gates: Gate[] = [];
  if (mixer === 'x') for (let q = 0; q < n; q++) gates.push({ name: 'h', qubits: [q] });
  else gates.push(...dickeCircuit(n, budget));
  for (let l = 0; l < angles.gamma.length; l++) {
    const gamma = angles.gamma[l]!, beta = angles.beta[l]!;
    for (let i = 0; i < n; i++) if (ising.h[i] !== 0) gates.push({ name: 'rz', qubits: [i], angle: 2 * gamma * ising.h[i]! });
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const J = ising.J[i]![j]!;
        if (J !== 0) zz(gates, i, j, 2 * gamma * J);
      }
    }
    if (mixer === 'x') for (let q = 0; q < n; q++) gates.push({ name: 'rx', qubits: [q], angle: 2 * beta });
    else {
      for (const [a, b] of ringPairs(n)) {
        gates.push({ name: 'h', qubits: [a] }, { name: 'h', qubits: [b] });
        zz(gates, a, b, beta);
        gates.push({ name: 'h', qubits: [a] }, { name: 'h', qubits: [b] });
        gates.push({ name: 'rx', qubits: [a], angle: Math.PI / 2 }, { name: 'rx', qubits: [b], angle: Math.PI / 2 });
        zz(gates, a, b, beta);
        gates.push({ name: 'rx', qubits: [a], angle: -Math.PI / 2 }, { name: 'rx', qubits: [b], angle: -Math.PI / 2 });
      }
    }
  }
  return gates;
}

function zz(gates: Gate[], a: number, b: number, theta: number): void {
  gates.push({ name: 'cx', qubits: [a, b] }, { name: 'rz', qubits: [b], angle: theta }, { name: 'cx', qubits: [a, b] });
}
