import { test } from 'node:test';
import assert from 'node:assert/strict';
import { B_RETRACEMENT, checkAbc, type AbcRule } from '../../../actors/patterns/elliott/check-abc.js';
import { near, swings } from './swings.js';

const BARS = [0, 5, 8, 14];
const down = (...prices: number[]) => swings('high', prices.map((p, i) => [BARS[i]!, p] as const));
const up = (...prices: number[]) => swings('low', prices.map((p, i) => [BARS[i]!, p] as const));

function rules(r: ReturnType<typeof checkAbc>): AbcRule[] {
  assert.ok(!r.ok, 'accepted');
  return r.failures.map((f) => f.rule);
}

// 200 → 150 → 180 → 130: A falls 50, B retraces 30 (30/50 = 0.6), C falls 50 (1.0 × A) to below A's end.
test('a bearish zigzag: B retraces 0.6 of A, C = 1.0 × A and ends at 130, beyond A\'s end 150', () => {
  const r = checkAbc(down(200, 150, 180, 130));
  assert.ok(r.ok);
  const p = r.pattern;
  assert.equal(p.name, 'abc');
  assert.equal(p.direction, 'bearish');
  assert.deepEqual(p.points.map((x) => [x.label, x.price, x.ts]), [['0', 200, 0], ['A', 150, 300_000], ['B', 180, 480_000], ['C', 130, 840_000]]);
  near(p.ratios.bRetracement, 0.6, 'B');
  near(p.ratios.cVsA, 1, 'C vs A');
  assert.equal(p.invalidation, 130, 'below C the correction did not end at C');
});

test('the bullish mirror: 100 → 150 → 120 → 170', () => {
  const r = checkAbc(up(100, 150, 120, 170));
  assert.ok(r.ok);
  assert.equal(r.pattern.direction, 'bullish');
  near(r.pattern.ratios.bRetracement, 0.6, 'B');
  assert.equal(r.pattern.invalidation, 170);
});

test('B at exactly 0.382 and 0.886 of a 100-long A is inside the band; 0.9 and 0.3 are not', () => {
  assert.deepEqual(B_RETRACEMENT, { min: 0.382, max: 0.886 });
  // A: 200 → 100. B at 138.2 retraces 38.2 (0.382, within rounding), at 188.6 retraces 88.6.
  const low = checkAbc(down(200, 100, 138.2, 90));
  assert.ok(low.ok);
  near(low.pattern.ratios.bRetracement, 0.382, 'B at the band floor');
  assert.ok(checkAbc(down(200, 100, 188.6, 90)).ok, 'B at the band ceiling');
  // The near miss: B retracing 0.9 of A is closer to a flat than to a zigzag.
  const flat = checkAbc(down(200, 100, 190, 90));
  assert.deepEqual(rules(flat), ['b-retracement']);
  assert.ok(!flat.ok && /retraces 0\.9 of wave A, outside 0\.382–0\.886/.test(flat.failures[0]!.detail));
  assert.deepEqual(rules(checkAbc(down(200, 100, 130, 90))), ['b-retracement'], 'a 0.3 pause');
});

test('C must end strictly beyond A: ending at A\'s end (100) is not a zigzag, at 99.99 it is', () => {
  assert.deepEqual(rules(checkAbc(down(200, 100, 150, 100))), ['c-not-beyond-a']);
  assert.ok(checkAbc(down(200, 100, 150, 99.99)).ok);
  assert.deepEqual(rules(checkAbc(up(100, 150, 145, 149))), ['b-retracement', 'c-not-beyond-a'], 'both named');
});

test('not three alternating legs: a shape failure naming the leg', () => {
  const r = checkAbc(down(200, 150, 140, 130));
  assert.deepEqual(rules(r), ['shape']);
  assert.ok(!r.ok && /wave B moves the wrong way/.test(r.failures[0]!.detail));
  assert.deepEqual(rules(checkAbc(down(200, 150, 180))), ['shape']);
});
