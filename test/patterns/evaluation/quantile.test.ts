import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantileSorted } from '../../../actors/patterns/evaluation/quantile.js';

test('type-7 quantiles: linear between order statistics, clamped at the ends', () => {
  const xs = [1, 2, 3, 4];
  // h = (n − 1) q: q 0.25 → 0.75 of the way from 1 to 2.
  assert.equal(quantileSorted(xs, 0.25), 1.75);
  assert.equal(quantileSorted(xs, 0.5), 2.5);
  assert.equal(quantileSorted(xs, 0), 1);
  assert.equal(quantileSorted(xs, 1), 4);
  assert.equal(quantileSorted(Float64Array.from([5]), 0.975), 5);
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
});
