import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenarioMean } from '../../../actors/quantum/portfolio/scenario-mean.js';
import { seededRandom } from '../../../actors/runtime/random.js';

const rows = [
  [1, 10],
  [3, 30],
];

test('scenarioMean: each scenario redraws whole rows with the seeded generator; μ is the mean of the scenario means', () => {
  // Two scenarios of two draws each: row ⌊u·2⌋ for the seed's first four uniforms.
  const random = seededRandom(7);
  const picks = [0, 1, 2, 3].map(() => Math.floor(random() * 2));
  const scenario = (k: number) => (rows[picks[2 * k]!]![0]! + rows[picks[2 * k + 1]!]![0]!) / 2;
  const expected = (scenario(0) + scenario(1)) / 2;
  const r = scenarioMean(rows, { scenarios: 2, seed: 7 });
  assert.equal(r.mu[0], expected);
  assert.equal(r.mu[1], expected * 10, 'the second asset moves with the first: rows are drawn whole');
  assert.ok(Math.abs(r.spread[0]! - Math.abs(scenario(0) - scenario(1)) / Math.SQRT2) < 1e-12, String(r.spread[0]));
});

test('scenarioMean: the same seed gives the same μ, many scenarios approach the sample mean', () => {
  assert.deepEqual(scenarioMean(rows, { scenarios: 5, seed: 3 }), scenarioMean(rows, { scenarios: 5, seed: 3 }));
  const many = scenarioMean(rows, { scenarios: 4000, seed: 1 });
  // each scenario mean has std 1/√2 around 2; over 4000 scenarios μ is within 4·0.707/√4000 ≈ 0.045 of 2
  assert.ok(Math.abs(many.mu[0]! - 2) < 0.045, String(many.mu[0]));
  assert.ok(Math.abs(many.spread[0]! - Math.SQRT1_2) < 0.05, String(many.spread[0]));
});
