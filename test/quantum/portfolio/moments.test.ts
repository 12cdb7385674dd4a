import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateMoments } from '../../../actors/quantum/portfolio/moments.js';

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-15, `${what}: ${a} vs ${b}`);

// rows (A, B): (0.01, 0.02), (0.03, −0.02), (−0.01, 0.03). Means 0.01 and 0.01; deviations A 0, 0.02, −0.02; B 0.01, −0.03, 0.02.
// var A = 0.0008/2 = 0.0004, var B = 0.0014/2 = 0.0007, cov = (−0.0006 − 0.0004)/2 = −0.0005.
const rows = [
  [0.01, 0.02],
  [0.03, -0.02],
  [-0.01, 0.03],
];

test('estimateMoments: the mean per bar and the sample covariance (n − 1), by hand', () => {
  const { mu, sigma } = estimateMoments(rows);
  near(mu[0]!, 0.01, 'μA');
  near(mu[1]!, 0.01, 'μB');
  near(sigma[0]![0]!, 0.0004, 'var A');
  near(sigma[1]![1]!, 0.0007, 'var B');
  near(sigma[0]![1]!, -0.0005, 'cov');
  assert.equal(sigma[1]![0], sigma[0]![1]);
});

test('estimateMoments with periodsPerYear scales μ and Σ by it', () => {
  const { mu, sigma } = estimateMoments(rows, { periodsPerYear: 12 });
  near(mu[0]!, 0.12, 'μA');
  near(sigma[1]![1]!, 0.0084, 'var B');
  near(sigma[0]![1]!, -0.006, 'cov');
});
