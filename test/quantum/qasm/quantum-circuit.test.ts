import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveQubo } from '../../../actors/quantum/qaoa/solve-qubo.js';
import { qaoaQasm } from '../../../actors/quantum/qasm/qaoa-qasm.js';
import { readQasm } from '../../../actors/quantum/qasm/read-qasm.js';
import { applyCircuit } from '../../../actors/quantum/sim/circuit.js';
import { StateVector } from '../../../actors/quantum/sim/state-vector.js';
import type { Qubo } from '../../../actors/quantum/qubo.js';
import { distanceUpToPhase } from '../../support/distance-up-to-phase.js';

/** The parts of quantum-circuit (a maintained npm simulator, devDependency) this cross-check uses. */
interface QuantumCircuit {
  importQASM(text: string, done: (errors: unknown[]) => void): void;
  run(): void;
  numQubits: number;
  /** Sparse: basis index → amplitude, zero amplitudes absent. */
  state: Record<string, { re: number; im: number }>;
}

const MODULE = 'quantum-circuit';

const qubo: Qubo = {
  n: 4,
  Q: [[0.5, 0.1, 0, -0.2], [0.1, 0.3, 0.2, 0], [0, 0.2, 0.4, 0.1], [-0.2, 0, 0.1, 0.2]],
  c: [-0.6, -0.2, -0.5, -0.3],
  offset: 0,
};

for (const mixer of ['xy', 'x'] as const) {
  test(`quantum-circuit, fed our exported ${mixer}-mixer QASM, reaches the same state as our simulator (to 1e-9, up to global phase)`, async () => {
    const loaded = (await import(MODULE).catch((e: unknown) => {
      throw new Error(`devDependency ${MODULE} is not installed (run npm install)`, { cause: e });
    })) as { default: new () => QuantumCircuit };
    const QuantumCircuit = loaded.default;
    const text = qaoaQasm(solveQubo(qubo, { layers: 2, mixer, budget: 2, seed: 3 }), mixer, 2);
    const theirs = new QuantumCircuit();
    let errors: unknown[] = [];
    theirs.importQASM(text, (e) => (errors = e ?? []));
    assert.deepEqual(errors, []);
    assert.equal(theirs.numQubits, 4);
    theirs.run();
    const other = StateVector.zero(4);
    other.re[0] = 0;
    for (const [k, amp] of Object.entries(theirs.state)) {
      other.re[Number(k)] = amp.re;
      other.im[Number(k)] = amp.im;
    }
    const ours = StateVector.zero(4);
    applyCircuit(ours, readQasm(text).gates);
    assert.ok(Math.abs(other.norm2() - 1) < 1e-9, `their norm ${other.norm2()}`);
    const d = distanceUpToPhase(ours, other);
    assert.ok(d < 1e-9, `distance ${d}`);
  });
}
