import { test } from 'node:test';
import assert from 'node:assert/strict';
import { band, fits } from '../../../actors/patterns/harmonic/tolerance.js';

test('a single ratio widens by ±5 % of itself, a range by 5 % of each end', () => {
  const [lo, hi] = band(0.618, 0.05);
  assert.ok(Math.abs(lo - 0.5871) < 1e-12 && Math.abs(hi - 0.6489) < 1e-12);
  const [rlo, rhi] = band([1.618, 2.618], 0.05);
  assert.ok(Math.abs(rlo - 1.5371) < 1e-12 && Math.abs(rhi - 2.7489) < 1e-12);
});

test('fits: inside, just outside, and the Gartley/Butterfly gap', () => {
  assert.equal(fits(0.6488, 0.618, 0.05), true);
  assert.equal(fits(0.649, 0.618, 0.05), false);
  assert.equal(fits(0.5872, 0.618, 0.05), true);
  assert.equal(fits(0.587, 0.618, 0.05), false);
  // 0.70: above the Gartley's 0.6489, below the Butterfly's 0.7467.
  assert.equal(fits(0.7, 0.618, 0.05), false);
  assert.equal(fits(0.7, 0.786, 0.05), false);
  assert.equal(fits(0.7468, 0.786, 0.05), true);
});
