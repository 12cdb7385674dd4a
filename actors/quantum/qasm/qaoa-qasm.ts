import type { Mixer } from '../qaoa/ansatz.js';
import type { QaoaResult } from '../qaoa/solve-qubo.js';
import { qaoaCircuit } from './qaoa-circuit.js';
import { writeQasm } from './write-qasm.js';

/** The optimised QAOA circuit of a result as OpenQASM 2 (qubit i = asset i, Qiskit's little-endian order), ready for Qiskit. */
export function qaoaQasm(result: Pick<QaoaResult, 'ising' | 'angles'>, mixer: Mixer, budget: number): string {
  const n = result.ising.h.length;
  return writeQasm(n, qaoaCircuit(result.ising, mixer, budget, result.angles), [
    `QAOA, ${result.angles.gamma.length} layer(s), ${mixer} mixer, budget ${budget}: exported from a classical state-vector simulation of a quantum algorithm.`,
    `gamma = [${result.angles.gamma.join(', ')}], beta = [${result.angles.beta.join(', ')}]; qubit i = asset i (bit i of the basis index).`,
  ]);
}
