import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPenalty, quboToIsing, quboValues, withBudgetPenalty } from '../../../actors/quantum/qaoa/ising.js';
import { quboValue, type Qubo } from '../../../actors/quantum/qubo.js';
import { bitsOf } from '../../../actors/quantum/brute-force.js';

const qubo: Qubo = { n: 3, Q: [[1, 2, 0], [2, 1, 0], [0, 0, 0.5]], c: [-3, -2, -1], offset: 0.25 };

test('the 3-asset QUBO in Ising form: J01 = 1, h = (0, −0.5, 0.25), offset −0.5; x = (1,0,1) is z = (−1,1,−1): −0.75 − 1 − 0.5 = −2.25', () => {
  const { h, J, offset } = quboToIsing(qubo);
  assert.deepEqual(h, [0, -0.5, 0.25]);
  assert.deepEqual(J, [[0, 1, 0], [0, 0, 0], [0, 0, 0]]);
  assert.equal(offset, -0.5);
});

test('the Ising energy with z = 1 − 2x, the QUBO value and the basis-state table agree on all 8 states', () => {
  const { h, J, offset } = quboToIsing(qubo);
  const table = quboValues(qubo);
  for (let k = 0; k < 8; k++) {
    const x = bitsOf(k, 3);
    const z = x.map((b) => 1 - 2 * b);
    let e = offset;
    for (let i = 0; i < 3; i++) {
      e += h[i]! * z[i]!;
      for (let j = i + 1; j < 3; j++) e += J[i]![j]! * z[i]! * z[j]!;
    }
    assert.ok(Math.abs(e - quboValue(qubo, x)) < 1e-12, `state ${k}`);
    assert.ok(Math.abs(table[k]! - quboValue(qubo, x)) < 1e-12, `table ${k}`);
  }
});

test('the budget penalty adds λ(Σx − B)²; the default λ = 2(Σ|Q| + Σ|c|) = 2·(6.5 + 6) = 25 leaves every infeasible state above every feasible one', () => {
  const penalised = withBudgetPenalty(qubo, 2, 3);
  for (let k = 0; k < 8; k++) {
    const x = bitsOf(k, 3);
    const weight = x.reduce<number>((s, b) => s + b, 0);
    assert.ok(Math.abs(quboValue(penalised, x) - quboValue(qubo, x) - 3 * (weight - 2) ** 2) < 1e-12, `state ${k}`);
  }
  const lambda = defaultPenalty(qubo);
  assert.equal(lambda, 25);
  const values = quboValues(withBudgetPenalty(qubo, 2, lambda));
  const feasible = [3, 5, 6].map((k) => values[k]!);
  const infeasible = [0, 1, 2, 4, 7].map((k) => values[k]!);
  assert.ok(Math.min(...infeasible) > Math.max(...feasible), `${infeasible} vs ${feasible}`);
});
