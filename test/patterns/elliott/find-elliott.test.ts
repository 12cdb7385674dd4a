import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCorrections, findImpulses } from '../../../actors/patterns/elliott/find-elliott.js';
import { impulseInvalidation } from '../../../actors/patterns/elliott/impulse-invalidation.js';
import { swings } from './swings.js';

// An impulse 100 → 120 → 110 → 150 → 135 → 160, then a zigzag down 160 → 140 → 150 → 130.
const series = swings('low', [[0, 100], [5, 120], [8, 110], [15, 150], [19, 135], [25, 160], [30, 140], [33, 150], [38, 130]]);

test('a scan over nine swings finds the impulse once and two zigzags', () => {
  // Of the other impulse windows, 110→…→150 has wave 4 (140) inside wave 1 (110–150) with diverging lines,
  // and those starting on a high have a wave 3 that does not pass wave 1's end.
  const impulses = findImpulses(series);
  assert.deepEqual(impulses.map((p) => [p.name, p.direction, p.points[0]!.price]), [['impulse', 'bullish', 100]]);
  // Waves 0→1→2→3 read as A, B (10/20 = 0.5), C; the closing 160 → 140 → 150 → 130 is the bearish zigzag.
  // 110 → 150 → 135 → 160 is a near miss: B retraces 15/40 = 0.375, under 0.382.
  const abcs = findCorrections(series);
  assert.deepEqual(abcs.map((p) => [p.direction, p.points.map((x) => x.price)]), [
    ['bullish', [100, 120, 110, 150]],
    ['bearish', [160, 140, 150, 130]],
  ]);
  assert.deepEqual(findImpulses(series.slice(0, 5)), [], 'five swings hold no impulse');
});

test('an impulse in progress is invalidated at wave 1\'s start in waves 2–3, at wave 1\'s end in waves 4–5', () => {
  assert.equal(impulseInvalidation(series.slice(0, 1)), null, 'no wave 1 yet');
  assert.equal(impulseInvalidation(series.slice(0, 2)), 100, 'in wave 2');
  assert.equal(impulseInvalidation(series.slice(0, 3)), 100, 'in wave 3');
  assert.equal(impulseInvalidation(series.slice(0, 4)), 120, 'in wave 4');
  assert.equal(impulseInvalidation(series.slice(0, 5)), 120, 'in wave 5');
  assert.equal(impulseInvalidation(series.slice(0, 4), true), 110, 'a diagonal\'s wave 4 may overlap wave 1 but not pass wave 3\'s start');
  assert.equal(impulseInvalidation(series.slice(0, 6)), 100, 'complete');
});
