import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLayers } from '../../../actors/quantum/qaoa/ansatz.js';
import { defaultPenalty, quboValues, withBudgetPenalty } from '../../../actors/quantum/qaoa/ising.js';
import { solveQubo } from '../../../actors/quantum/qaoa/solve-qubo.js';
import { qaoaQasm } from '../../../actors/quantum/qasm/qaoa-qasm.js';
import { readQasm } from '../../../actors/quantum/qasm/read-qasm.js';
import { applyCircuit } from '../../../actors/quantum/sim/circuit.js';
import { dickeState } from '../../../actors/quantum/sim/dicke.js';
import { StateVector } from '../../../actors/quantum/sim/state-vector.js';
import type { Qubo } from '../../../actors/quantum/qubo.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { distanceUpToPhase } from '../../support/distance-up-to-phase.js';

const qubo: Qubo = {
  n: 5,
  Q: [
    [0.4, 0.1, -0.05, 0, 0.2],
    [0.1, 0.3, 0.02, 0.1, 0],
    [-0.05, 0.02, 0.5, -0.1, 0.05],
    [0, 0.1, -0.1, 0.2, 0.03],
    [0.2, 0, 0.05, 0.03, 0.6],
  ],
  c: [-0.3, -0.5, -0.2, -0.4, -0.6],
  offset: 0.1,
};

for (const mixer of ['xy', 'x'] as const) {
  test(`an optimised p = 2 circuit (${mixer} mixer) exported as OpenQASM 2 and read back gives the simulator's state to 1e-9, up to the global phase of the Ising offset`, () => {
    const result = solveQubo(qubo, { layers: 2, mixer, budget: 2, seed: 5 });
    const text = qaoaQasm(result, mixer, 2);
    assert.match(text, /^\/\/ QAOA, 2 layer\(s\).*classical state-vector simulation of a quantum algorithm/);
    assert.match(text, /\nOPENQASM 2\.0;\ninclude "qelib1\.inc";\nqreg q\[5\];\ncreg c\[5\];\n/);
    assert.doesNotMatch(text, /rzz|rxx|ryy/);
    const parsed = readQasm(text);
    assert.equal(parsed.n, 5);
    assert.deepEqual(parsed.measured, [0, 1, 2, 3, 4]);
    const fromQasm = StateVector.zero(5);
    applyCircuit(fromQasm, parsed.gates);

    const cost = quboValues(mixer === 'x' ? withBudgetPenalty(qubo, 2, defaultPenalty(qubo)) : qubo);
    const direct = mixer === 'x' ? StateVector.plus(5) : dickeState(5, 2);
    applyLayers(direct, cost, mixer, result.angles.gamma, result.angles.beta);
    assert.ok(Math.abs(direct.expectation(quboValues(qubo)) - result.energy) < 1e-12);
    const d = distanceUpToPhase(fromQasm, direct);
    assert.ok(d < 1e-9, `distance ${d}`);
  });
}

test('reading rejects what it does not emit, naming the line', () => {
  const head = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\n';
  assert.deepEqual(readQasm(`${head}// a comment\n  h q[0]; cx q[0],q[1];\nrz(-1.5e-3) q[1];\n`).gates, [
    { name: 'h', qubits: [0] },
    { name: 'cx', qubits: [0, 1] },
    { name: 'rz', qubits: [1], angle: -1.5e-3 },
  ]);
  assert.throws(() => readQasm(`${head}u3(0,0,1) q[0];\n`), (e: unknown) => e instanceof InputError && /line 5/.test(e.message));
  assert.throws(() => readQasm(`${head}h q[2];\n`), (e: unknown) => e instanceof InputError && /qubit 2 outside q\[2\]/.test(e.message));
  assert.throws(() => readQasm(`${head}h q[0]\n`), (e: unknown) => e instanceof InputError && /line 5/.test(e.message));
  assert.throws(() => readQasm('OPENQASM 3.0;\n'), (e: unknown) => e instanceof InputError && /line 1/.test(e.message));
});
