import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bruteForce } from '../../../actors/quantum/brute-force.js';
import { applyMixer } from '../../../actors/quantum/qaoa/ansatz.js';
import { quboValues } from '../../../actors/quantum/qaoa/ising.js';
import { solveQubo } from '../../../actors/quantum/qaoa/solve-qubo.js';
import { diagonalPhase } from '../../../actors/quantum/sim/gates.js';
import { dickeState, popcount } from '../../../actors/quantum/sim/dicke.js';
import type { Qubo } from '../../../actors/quantum/qubo.js';
import { seededRandom } from '../../../actors/runtime/random.js';
import { InputError } from '../../../actors/runtime/errors.js';

/** A small random portfolio QUBO: q·xᵀΣx − μᵀx with Σ = AAᵀ/n, q = ½, μ ∈ [0, 0.1). */
function portfolio(n: number, seed: number): Qubo {
  const random = seededRandom(seed);
  const mu = Array.from({ length: n }, () => random() * 0.1);
  const A = Array.from({ length: n }, () => Array.from({ length: n }, () => random() - 0.5));
  const Q = A.map((ai) => A.map((aj) => (0.5 * ai.reduce((s, v, k) => s + v * aj[k]!, 0)) / n));
  return { n, Q, c: mu.map((m) => -m), offset: 0 };
}

const qubo = portfolio(8, 3);
const exact = bruteForce(qubo, 4);
const uniform = 1 / exact.feasible; // 1/C(8,4) = 1/70

test('the XY mixer from |D(8,4)⟩ keeps the infeasible probability below 1e-12 after every cost layer and every mixer layer', () => {
  const cost = quboValues(qubo);
  const s = dickeState(8, 4);
  const random = seededRandom(9);
  const infeasible = () => {
    let p = 0;
    for (let k = 0; k < s.size; k++) if (popcount(k) !== 4) p += s.probability(k);
    return p;
  };
  for (let layer = 0; layer < 6; layer++) {
    diagonalPhase(s, cost, 20 * random());
    assert.ok(infeasible() < 1e-12, `cost layer ${layer}`);
    applyMixer(s, 'xy', 4 * random() - 2);
    assert.ok(infeasible() < 1e-12, `mixer layer ${layer}: ${infeasible()}`);
  }
});

test('8 assets choose 4, p = 2: the XY mixer samples only feasible portfolios and finds the brute-force optimum; its optimum probability is ~10× uniform', () => {
  const r = solveQubo(qubo, { layers: 2, mixer: 'xy', budget: 4, seed: 1 });
  assert.ok(Math.abs(r.feasibleProbability - 1) < 1e-12);
  assert.deepEqual(r.best.selection, exact.selection);
  assert.equal(r.best.objective, exact.objective);
  // Measured: probabilityOfOptimum 0.1428 against uniform 1/70 = 0.0143.
  assert.ok(r.probabilityOfOptimum > 9 * uniform, `${r.probabilityOfOptimum} vs ${uniform}`);
  assert.ok(r.energy < exact.values.reduce((s, v) => s + v, 0) / exact.feasible, 'below the uniform mean');
  assert.equal(r.samples, 1024);
  assert.deepEqual(solveQubo(qubo, { layers: 2, mixer: 'xy', budget: 4, seed: 1 }), r, 'repeats with the seed');
});

test('8 assets choose 4, p = 2: the X mixer with the default penalty samples the optimum no more often than uniform random', () => {
  const r = solveQubo(qubo, { layers: 2, mixer: 'x', budget: 4, seed: 1 });
  // Measured: probabilityOfOptimum 0.0143 (uniform 0.0143), feasible probability 0.990, energy −0.046 vs XY's −0.136.
  assert.ok(r.probabilityOfOptimum < 1.2 * uniform, `${r.probabilityOfOptimum} vs ${uniform}`);
  assert.ok(r.feasibleProbability > 0.9 && r.feasibleProbability < 1 - 1e-6, `${r.feasibleProbability}`);
  assert.equal(r.ising.h.length, 8);
  assert.ok(r.ising.J[0]![7]! > 0, 'the penalty couples every pair');
  assert.equal(r.best.objective, exact.objective, 'though sampling 1024 shots still meets the optimum');
});

test('bad options are one InputError naming each field', () => {
  assert.throws(
    () => solveQubo(qubo, { layers: 0, mixer: 'z' as 'x', budget: 9, seed: 1 }),
    (e: unknown) => e instanceof InputError && /budget: 9/.test(e.message),
  );
  assert.throws(
    () => solveQubo(qubo, { layers: 0, mixer: 'z' as 'x', budget: 2, seed: 1, shots: 0 }),
    (e: unknown) => e instanceof InputError && /layers: 0/.test(e.message) && /mixer: z/.test(e.message) && /shots: 0/.test(e.message),
  );
});
