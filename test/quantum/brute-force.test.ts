import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bruteForce, combinations } from '../../actors/quantum/brute-force.js';
import { quboValue, type Qubo } from '../../actors/quantum/qubo.js';
import { InputError } from '../../actors/runtime/errors.js';

// Three assets: returns 3, 2, 1 (as −c), covariance with a strong 0–1 coupling.
const qubo: Qubo = { n: 3, Q: [[1, 2, 0], [2, 1, 0], [0, 0, 0.5]], c: [-3, -2, -1], offset: 0.25 };

test('quboValue counts the diagonal once and each off-diagonal pair twice: x = (1,1,0) gives 1 + 1 + 2·2 − 3 − 2 + 0.25', () => {
  assert.equal(quboValue(qubo, [1, 1, 0]), 1.25);
  assert.equal(quboValue(qubo, [0, 0, 0]), 0.25);
});

test('combinations lists C(n, B) patterns of weight B in increasing order', () => {
  assert.deepEqual([...combinations(4, 2)], [0b0011, 0b0101, 0b0110, 0b1001, 0b1010, 0b1100]);
  assert.deepEqual([...combinations(3, 0)], [0]);
  assert.equal([...combinations(20, 10)].length, 184_756);
});

test('brute force over Σx = 2 of the 3-asset QUBO: (1,1,0) 1.25, (1,0,1) −2.25, (0,1,1) −1.25; the optimum is assets 0 and 2', () => {
  const r = bruteForce(qubo, 2);
  assert.deepEqual(r.selection, [1, 0, 1]);
  assert.equal(r.objective, -2.25);
  assert.equal(r.feasible, 3);
  assert.deepEqual([...r.values], [1.25, -2.25, -1.25]);
});

test('n above 20 or a budget above n is an InputError naming the field', () => {
  const big: Qubo = { n: 21, Q: Array.from({ length: 21 }, () => new Array(21).fill(0)), c: new Array(21).fill(0), offset: 0 };
  assert.throws(() => bruteForce(big, 3), (e: unknown) => e instanceof InputError && /n: 21/.test(e.message));
  assert.throws(() => bruteForce(qubo, 4), (e: unknown) => e instanceof InputError && /budget: 4/.test(e.message));
});
