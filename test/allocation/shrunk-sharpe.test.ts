import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shrunkSharpe } from '../../actors/allocation/shrunk-sharpe.js';
import { returnsOf } from '../../actors/allocation/family-history.js';

test('the Sharpe ratio is mean over sample std, shrunk by n / (n + k)', () => {
  // Returns 1, 3: mean 2, sample std √2.
  const s = shrunkSharpe([1, 3], 2);
  assert.equal(s.samples, 2);
  assert.equal(s.mean, 2);
  assert.equal(s.std, Math.SQRT2);
  assert.equal(s.sharpe, 2 / Math.SQRT2);
  assert.equal(s.shrunk, (2 / Math.SQRT2) * 0.5);
  assert.equal(shrunkSharpe([1, 3], 0).shrunk, s.sharpe, 'k = 0 shrinks nothing');
});

test('no spread: steady gains dominate, steady losses sink, flat and too-short records score zero', () => {
  assert.equal(shrunkSharpe([0.01, 0.01, 0.01], 30).shrunk, Infinity);
  assert.equal(shrunkSharpe([-0.01, -0.01], 30).shrunk, -Infinity);
  assert.equal(shrunkSharpe([0, 0, 0], 30).shrunk, 0);
  assert.equal(shrunkSharpe([0.5], 30).shrunk, 0);
  assert.equal(shrunkSharpe([], 0).shrunk, 0);
});

test('returns are P&L steps over the capital the family had, and a step begun with no capital is left out', () => {
  assert.deepEqual(returnsOf({ equities: [1_000, 1_010, 1_005, 1_025], capitals: [1_000, 1_000, 500, 0] }), [0.01, -0.005, 0.04]);
  assert.deepEqual(returnsOf({ equities: [1_000, 1_010, 1_020], capitals: [0, 1_000, 1_000] }), [0.01]);
});
