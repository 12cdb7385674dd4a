import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stationaryBlockLength } from '../../../actors/patterns/evaluation/block-length.js';
import { gaussianReturns } from '../../support/synthetic-candles.js';

const H = 10;
/** 4,000 independent N(0, 1) draws, and the overlapping sums of the next H of them (forward returns over H bars). */
function series(seed: number): { iid: number[]; overlapping: number[] } {
  const e = gaussianReturns(4000 + H, seed, 1);
  const iid = e.slice(0, 4000);
  return { iid, overlapping: iid.map((_, i) => e.slice(i + 1, i + 1 + H).reduce((a, b) => a + b, 0)) };
}

test('independent draws need no blocks; overlapping H-bar sums get blocks near the theoretical optimum', () => {
  // Overlapping sums are MA(H−1) with autocovariance H − |k|: ĝ = H² = 100, Ĝ = Σ|k|(H − |k|) = 330, so
  // b = (330 / 100)^(2/3) · 4000^(1/3) ≈ 35.2 bars.
  const theory = Math.cbrt((330 / 100) ** 2 * 4000);
  assert.ok(Math.abs(theory - 35.2) < 0.05, String(theory));
  for (const seed of [1, 2, 3]) {
    const { iid, overlapping } = series(seed);
    const bIid = stationaryBlockLength(iid);
    const bOverlap = stationaryBlockLength(overlapping);
    assert.ok(bIid >= 1 && bIid < 3, `iid: ${bIid}`);
    assert.ok(Math.abs(bOverlap / theory - 1) < 0.15, `overlapping: ${bOverlap} vs ${theory}`);
  }
});

test('a constant or very short series gets blocks of 1', () => {
  assert.equal(stationaryBlockLength(new Array(100).fill(0.5)), 1);
  assert.equal(stationaryBlockLength([1, -1, 2]), 1);
});
