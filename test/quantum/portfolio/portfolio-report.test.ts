import { test } from 'node:test';
import assert from 'node:assert/strict';
import { portfolioQubo } from '../../../actors/quantum/portfolio/portfolio-qubo.js';
import { FOUR_ASSETS, near } from '../four-assets.js';
import { portfolioReport, SIMULATION_NOTE, type QaoaSolve, type PortfolioReportOptions } from '../../../actors/quantum/portfolio/portfolio-report.js';

// The four assets of test/quantum/four-assets.ts: at q = 1, budget 2 the pairs are worth −0.15, −0.1475, −0.0775,
// −0.11, −0.16 (the optimum {1,3}), −0.1375.
const moments = FOUR_ASSETS;
const names = ['A', 'B', 'C', 'D'];
const opts: PortfolioReportOptions = { layers: 3, mixer: 'xy', budget: 2, seed: 1, risk: 1, moments };

test('portfolioReport with the QAOA solver (XY mixer, p = 3): the exact optimum, the uniform baseline, QAOA beside them', () => {
  const r = portfolioReport(portfolioQubo(moments, 1), names, opts);
  assert.equal(r.note, SIMULATION_NOTE);
  assert.deepEqual(r.exact.selection, [0, 1, 0, 1]);
  assert.deepEqual(r.exact.assets, ['B', 'D']);
  near(r.exact.objective, -0.16, 'optimum');
  assert.equal(r.exact.feasible, 6);
  assert.equal(r.exact.optima, 1);
  assert.equal(r.uniformProbability, 1 / 6);
  near(r.uniformObjective, -0.7825 / 6, 'mean of the six pairs');
  // The XY mixer never leaves Σx = 2; its best sample is the optimum, sampled more often than at random.
  assert.ok(Math.abs(r.qaoa.feasibleProbability - 1) < 1e-9);
  assert.deepEqual(r.qaoa.assets, ['B', 'D']);
  assert.ok(r.qaoa.probabilityOfOptimum > r.uniformProbability, String(r.qaoa.probabilityOfOptimum));
  assert.ok(r.qaoa.approximationRatio > 0 && r.qaoa.approximationRatio <= 1, String(r.qaoa.approximationRatio));
  assert.equal(r.ising.h.length, 4);
  assert.deepEqual(r.mu, moments.mu);
});

test('portfolioReport with a solver: its options pass through, the approximation ratio is (worst − ⟨C⟩)/(worst − optimum)', () => {
  let seen: unknown;
  const solve: QaoaSolve = (_qubo, o) => {
    seen = o;
    return {
      ising: { h: [1, 2, 3, 4], J: [], offset: 0 },
      angles: { gamma: [0.1], beta: [0.2] },
      energy: -0.12,
      probabilityOfOptimum: 0.4,
      feasibleProbability: 1,
      best: { selection: [0, 1, 0, 1], objective: -0.16 },
      samples: 100,
      evaluations: 50,
    };
  };
  const r = portfolioReport(portfolioQubo(moments, 1), names, opts, solve);
  assert.deepEqual(seen, { layers: 3, mixer: 'xy', budget: 2, penalty: undefined, seed: 1, shots: undefined });
  // worst pair −0.0775: (−0.0775 + 0.12)/(−0.0775 + 0.16) = 0.0425/0.0825
  near(r.qaoa.approximationRatio, 0.0425 / 0.0825, 'ratio');
  assert.deepEqual(r.qaoa.assets, ['B', 'D']);
  assert.equal(r.qaoa.probabilityOfOptimum, 0.4);
  assert.deepEqual(r.ising, { h: [1, 2, 3, 4], J: [], offset: 0 });
});

test('portfolioReport: tied optima are counted, so the uniform baseline is their share', () => {
  // μ3 = 0.05 ties {0,1} and {1,3} at −0.15
  const tied = { ...moments, mu: [0.1, 0.2, 0.15, 0.05] };
  const r = portfolioReport(portfolioQubo(tied, 1), names, { ...opts, moments: tied });
  assert.equal(r.exact.optima, 2);
  assert.equal(r.uniformProbability, 2 / 6);
  assert.deepEqual(r.exact.selection, [1, 1, 0, 0], 'the first in bitmask order');
});
