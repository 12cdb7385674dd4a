import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../../actors/runtime/random.js';
import { stationaryBlockLength } from '../../../actors/patterns/evaluation/block-length.js';
import { blockSum, stationaryBlocks } from '../../../actors/patterns/evaluation/stationary-bootstrap.js';
import { gaussianReturns } from '../../support/synthetic-candles.js';

test('blocks cover exactly n positions, start anywhere, and have geometric lengths with the mean asked for', () => {
  const random = seededRandom(7);
  for (let r = 0; r < 50; r++) {
    const blocks = stationaryBlocks(1000, 20, random);
    assert.equal(blocks.reduce((s, b) => s + b.length, 0), 1000);
    assert.ok(blocks.every((b) => Number.isInteger(b.start) && b.start >= 0 && b.start < 1000 && b.length >= 1));
  }
  // One long resample: ~50,000 blocks, so the last (cut to fit) does not matter. Geometric with p = 1/20: mean 20,
  // standard error of the mean ≈ 19.5 / √50,000 ≈ 0.09; P(length = 1) = p = 0.05.
  const lengths = stationaryBlocks(1_000_000, 20, random).map((b) => b.length);
  const mean = lengths.reduce((s, x) => s + x, 0) / lengths.length;
  assert.ok(Math.abs(mean - 20) < 0.3, `mean block length ${mean}`);
  const ones = lengths.filter((x) => x === 1).length / lengths.length;
  assert.ok(Math.abs(ones - 0.05) < 0.005, `share of length 1: ${ones}`);
  assert.ok(stationaryBlocks(50, 1, random).every((b) => b.length === 1));
  assert.throws(() => stationaryBlocks(50, 0.5, random), /≥ 1/);
});

test('a block sum wraps from the end to the start', () => {
  const prefix = Float64Array.from([0, 1, 3, 6, 10]); // values 1, 2, 3, 4
  assert.equal(blockSum(prefix, { start: 1, length: 2 }), 5);
  assert.equal(blockSum(prefix, { start: 3, length: 3 }), 4 + 1 + 2);
  assert.equal(blockSum(prefix, { start: 0, length: 4 }), 10);
});

/** Standard deviation of the resampled mean of `xs` over `replicates` stationary-bootstrap draws. */
function bootstrapSe(xs: readonly number[], meanBlock: number, replicates: number, seed: number): number {
  const prefix = new Float64Array(xs.length + 1);
  xs.forEach((x, i) => (prefix[i + 1] = prefix[i]! + x));
  const random = seededRandom(seed);
  const means = Array.from({ length: replicates }, () => stationaryBlocks(xs.length, meanBlock, random).reduce((s, b) => s + blockSum(prefix, b), 0) / xs.length);
  const m = means.reduce((s, x) => s + x, 0) / means.length;
  return Math.sqrt(means.reduce((s, x) => s + (x - m) ** 2, 0) / (means.length - 1));
}

test('overlapping 10-bar sums: with the Politis–White block the standard error is right, with blocks of 1 it is √10 too small', () => {
  // Forward returns over h = 10 bars of iid N(0, 1) bar returns: the mean of n = 4000 of them has standard error
  // ≈ h / √n = 0.158 (each bar return sits in 10 windows), not the √h / √n = 0.05 that treating them as independent gives.
  const h = 10;
  const e = gaussianReturns(4000 + h, 3, 1);
  const sums = e.slice(0, 4000).map((_, i) => e.slice(i + 1, i + 1 + h).reduce((a, b) => a + b, 0));
  const truth = h / Math.sqrt(4000);
  const block = stationaryBlockLength(sums);
  const se = bootstrapSe(sums, block, 1000, 11);
  // One realised series: its own sample variance is off by up to ~±20 % (seeds 1–6 give 0.77–1.11 of the truth).
  assert.ok(se / truth > 0.75 && se / truth < 1.25, `block ${block}: se ${se} vs ${truth}`);
  const naive = bootstrapSe(sums, 1, 1000, 11);
  assert.ok(naive / truth > 0.28 && naive / truth < 0.36, `blocks of 1: se ${naive}, ${naive / truth} of the truth (1/√10 = 0.32)`);
});
