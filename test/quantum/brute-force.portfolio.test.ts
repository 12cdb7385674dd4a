import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bruteForce } from '../../actors/quantum/brute-force.js';
import { portfolioQubo } from '../../actors/quantum/portfolio/portfolio-qubo.js';
import { InputError } from '../../actors/runtime/errors.js';
import { FOUR_ASSETS, near } from './four-assets.js';

// The four assets of four-assets.ts, their pairs worked by hand there.
const moments = FOUR_ASSETS;

test('bruteForce on four assets, budget 2: the hand-computed optimum {1,3} and every pair in ascending bitmask order', () => {
  const r = bruteForce(portfolioQubo(moments, 1), 2);
  assert.deepEqual(r.selection, [0, 1, 0, 1]);
  near(r.objective, -0.16, 'optimum');
  assert.equal(r.feasible, 6);
  // masks 0011, 0101, 0110, 1001, 1010, 1100 (bit i = asset i)
  [-0.15, -0.1475, -0.0775, -0.11, -0.16, -0.1375].forEach((v, k) => near(r.values[k]!, v, `values[${k}]`));
});

test('bruteForce: doubling the risk aversion moves the optimum to the low-variance pair {2,3}', () => {
  // q = 2: {0,1} 0, {0,2} −0.045, {1,2} 0.195, {0,3} −0.06, {1,3} −0.06, {2,3} 0.145 − 0.21 = −0.065
  const r = bruteForce(portfolioQubo(moments, 2), 2);
  assert.deepEqual(r.selection, [0, 0, 1, 1]);
  near(r.objective, -0.065, 'optimum');
});

test('bruteForce: budget 1 picks the best single asset, budget 4 the only full selection', () => {
  // singles: 0.04 − 0.1 = −0.06, 0.09 − 0.2 = −0.11, 0.0625 − 0.15 = −0.0875, 0.01 − 0.06 = −0.05
  const one = bruteForce(portfolioQubo(moments, 1), 1);
  assert.deepEqual(one.selection, [0, 1, 0, 0]);
  assert.equal(one.feasible, 4);
  near(one.objective, -0.11, 'single');
  const all = bruteForce(portfolioQubo(moments, 1), 4);
  assert.equal(all.feasible, 1);
  // Σ all entries = 0.2025 + 2·(0.01 + 0.06) = 0.3425; Σμ = 0.51
  near(all.objective, 0.3425 - 0.51, 'all four');
});

test('bruteForce: a budget out of range or more than 20 assets is an InputError', () => {
  const qubo = portfolioQubo(moments, 1);
  const says = (re: RegExp) => (e: unknown) => e instanceof InputError && re.test(e.issues.join('\n'));
  assert.throws(() => bruteForce(qubo, 5), says(/budget: 5 is not an integer in 0\.\.n \(4\)/));
  assert.throws(() => bruteForce(qubo, 1.5), InputError);
  const n = 21;
  const big = { n, Q: Array.from({ length: n }, () => new Array<number>(n).fill(0)), c: new Array<number>(n).fill(0), offset: 0 };
  assert.throws(() => bruteForce(big, 2), says(/n: 21 is not an integer in 1\.\.20/));
});

test('bruteForce at n = 20, budget 10 enumerates C(20,10) = 184756 selections', () => {
  const n = 20;
  const mu = Array.from({ length: n }, (_, i) => i / 100);
  const sigma = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0.01 : 0)));
  const r = bruteForce(portfolioQubo({ mu, sigma }, 1), 10);
  assert.equal(r.feasible, 184756);
  assert.deepEqual(r.selection, [...new Array<number>(10).fill(0), ...new Array<number>(10).fill(1)]);
  near(r.objective, 0.1 - (10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19) / 100, 'top ten');
});
