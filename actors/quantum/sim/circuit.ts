import { cx, h, rx, ry, rz, x } from './gates.js';
import type { StateVector } from './state-vector.js';

/** One gate of a gate-level circuit: the set that qelib1.inc names and our QASM export emits. */
export type Gate =
  | { name: 'h' | 'x'; qubits: [number] }
  | { name: 'rx' | 'ry' | 'rz'; qubits: [number]; angle: number }
  | { name: 'cx'; qubits: [number, number] };

/** Apply gates in order, in place (RZ as the rotation exp(−iθZ/2), Qiskit's reading of qelib1's rz). */
export function applyCircuit(state: StateVector, gates: readonly Gate[]): void {
  for (const gate of gates) {
    switch (gate.name) {
      case 'h': h(state, gate.qubits[0]); break;
      case 'x': x(state, gate.qubits[0]); break;
      case 'rx': rx(state, gate.qubits[0], gate.angle); break;
      case 'ry': ry(state, gate.qubits[0], gate.angle); break;
      case 'rz': rz(state, gate.qubits[0], gate.angle); break;
      case 'cx': cx(state, gate.qubits[0], gate.qubits[1]); break;
    }
  }
}
