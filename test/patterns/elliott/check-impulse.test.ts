import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkImpulse, type ImpulseRule } from '../../../actors/patterns/elliott/check-impulse.js';
import type { ElliottPattern } from '../../../actors/patterns/elliott/elliott-pattern.js';
import type { SwingPoint } from '../../../actors/patterns/swing-point.js';
import { near, swings } from './swings.js';

const BARS = [0, 5, 8, 15, 19, 25];
const up = (...prices: number[]) => swings('low', prices.map((p, i) => [BARS[i]!, p] as const));
const down = (...prices: number[]) => swings('high', prices.map((p, i) => [BARS[i]!, p] as const));

function accepted(points: readonly SwingPoint[], opts = {}): ElliottPattern {
  const r = checkImpulse(points, opts);
  assert.ok(r.ok, `rejected: ${r.ok ? '' : JSON.stringify(r.failures)}`);
  return r.pattern;
}

function rules(points: readonly SwingPoint[], opts = {}): ImpulseRule[] {
  const r = checkImpulse(points, opts);
  assert.ok(!r.ok, 'accepted');
  return r.failures.map((f) => f.rule);
}

// 100 → 120 → 110 → 150 → 135 → 160: waves of 20, 10, 40, 15, 25.
test('a bullish impulse: wave 2 = 10/20 = 0.5 of wave 1, wave 3 = 40/20 = 2×, wave 4 = 15/40, wave 5 = 25/20 and 25/50 of 0→3', () => {
  const p = accepted(up(100, 120, 110, 150, 135, 160));
  assert.equal(p.name, 'impulse');
  assert.equal(p.direction, 'bullish');
  assert.deepEqual(p.points.map((x) => x.label), ['0', '1', '2', '3', '4', '5']);
  assert.deepEqual(p.points.map((x) => x.price), [100, 120, 110, 150, 135, 160]);
  assert.equal(p.points[3]!.ts, 15 * 60_000);
  near(p.ratios.wave2Retracement, 0.5, 'wave 2');
  near(p.ratios.wave3VsWave1, 2, 'wave 3');
  near(p.ratios.wave4Retracement, 0.375, 'wave 4');
  near(p.ratios.wave5VsWave1, 1.25, 'wave 5 vs 1');
  near(p.ratios.wave5VsWaves1To3, 0.5, 'wave 5 vs 0→3');
  assert.equal(p.invalidation, 100, 'the start of wave 1');
});

test('its bearish mirror (260 − price) has the same ratios and is invalidated above the start, 160', () => {
  const p = accepted(down(160, 140, 150, 110, 125, 100));
  assert.equal(p.direction, 'bearish');
  assert.equal(p.name, 'impulse');
  near(p.ratios.wave2Retracement, 0.5, 'wave 2');
  near(p.ratios.wave3VsWave1, 2, 'wave 3');
  near(p.ratios.wave4Retracement, 0.375, 'wave 4');
  near(p.ratios.wave5VsWave1, 1.25, 'wave 5');
  assert.equal(p.invalidation, 160);
});

test('rule 1: wave 2 ending at 95, below wave 1\'s start 100, is not an impulse; ending at exactly 100 is', () => {
  assert.deepEqual(rules(up(100, 120, 95, 150, 135, 160)), ['wave-2-beyond-wave-1-start']);
  assert.deepEqual(rules(down(160, 140, 165, 110, 125, 100)), ['wave-2-beyond-wave-1-start'], 'bearish: wave 2 above 160');
  near(accepted(up(100, 120, 100, 150, 135, 160)).ratios.wave2Retracement, 1, 'a full retracement is not beyond');
  assert.equal(checkImpulse(up(100, 120, 99.99, 150, 135, 160)).ok, false, 'a near miss by 0.01');
});

test('rule 2: wave 3 of 25 between a wave 1 of 30 and a wave 5 of 40 is the shortest; tied with wave 1 it is not', () => {
  // 100 → 130 → 120 → 145 → 135 → 175: waves 1, 3, 5 = 30, 25, 40.
  const r = checkImpulse(up(100, 130, 120, 145, 135, 175));
  assert.ok(!r.ok);
  assert.deepEqual(r.failures.map((f) => f.rule), ['wave-3-shortest']);
  assert.match(r.failures[0]!.detail, /wave 3 \(25\) is shorter than wave 1 \(30\) and wave 5 \(40\)/);
  // 100 → 130 → 120 → 150 → 135 → 175: waves 1, 3, 5 = 30, 30, 40.
  near(accepted(up(100, 130, 120, 150, 135, 175)).ratios.wave3VsWave1, 1, 'a tie');
});

test('rule 3: wave 4 at 115 inside wave 1 (100–120) with diverging 1–3 / 2–4 lines is not an impulse; touching 120 is', () => {
  // Line 1–3 rises (150 − 120) / (15 − 5) = 3 per bar, line 2–4 (115 − 110) / (19 − 8) ≈ 0.45: they do not converge.
  const r = checkImpulse(up(100, 120, 110, 150, 115, 170));
  assert.ok(!r.ok);
  assert.deepEqual(r.failures.map((f) => f.rule), ['wave-4-in-wave-1-territory']);
  assert.match(r.failures[0]!.detail, /do not converge/);
  assert.deepEqual(rules(up(100, 120, 110, 150, 115, 170), { allowDiagonal: false }), ['wave-4-in-wave-1-territory']);
  assert.deepEqual(rules(down(160, 140, 150, 110, 145, 90)), ['wave-4-in-wave-1-territory'], 'bearish mirror: 145 above 140');
  assert.equal(accepted(up(100, 120, 110, 150, 120, 170)).name, 'impulse', 'wave 4 ending exactly at wave 1\'s end');
});

test('a contracting diagonal: wave 4 overlaps wave 1 inside converging 1–3 (1.25/bar) and 2–4 (1.625/bar) lines', () => {
  // 100@0 → 130@4 → 115@8 → 140@12 → 128@16 → 145@20: waves 30, 15, 25, 12, 17; wave 4 at 128 < 130.
  const wedge = swings('low', [[0, 100], [4, 130], [8, 115], [12, 140], [16, 128], [20, 145]]);
  const p = accepted(wedge);
  assert.equal(p.name, 'diagonal');
  assert.equal(p.direction, 'bullish');
  near(p.ratios.wave3VsWave1, 25 / 30, 'wave 3');
  near(p.ratios.wave4Retracement, 12 / 25, 'wave 4');
  near(p.ratios.wave5VsWaves1To3, 17 / 40, 'wave 5 vs 0→3');
  assert.equal(p.invalidation, 100);
  assert.deepEqual(rules(wedge, { allowDiagonal: false }), ['wave-4-in-wave-1-territory'], 'diagonals not allowed');
  const mirror = swings('high', [[0, 200], [4, 170], [8, 185], [12, 160], [16, 172], [20, 155]]);
  assert.equal(accepted(mirror).name, 'diagonal', 'bearish diagonal');
});

test('every broken rule is named: wave 2 at 95 and wave 4 at 125 inside wave 1 (100–130)', () => {
  // Line 1–3: 30/10 = 3 per bar; line 2–4: 30/11 ≈ 2.7: not converging.
  assert.deepEqual(rules(up(100, 130, 95, 160, 125, 170)), ['wave-2-beyond-wave-1-start', 'wave-4-in-wave-1-territory']);
});

test('sequences that are not five waves are shape failures, named', () => {
  const only = (points: readonly SwingPoint[], pattern: RegExp) => {
    const r = checkImpulse(points);
    assert.ok(!r.ok);
    assert.equal(r.failures.length, 1);
    assert.equal(r.failures[0]!.rule, 'shape');
    assert.match(r.failures[0]!.detail, pattern);
  };
  only(up(100, 120, 110, 150, 135), /needs 6 points/);
  only(up(100, 120, 110, 118, 112, 130), /wave 3 ends at 118, not beyond wave 1's end 120/);
  only(up(100, 120, 110, 150, 105, 170), /beyond wave 3's start 110/);
  only(up(100, 120, 125, 150, 135, 160), /wave 2 moves the wrong way/);
  const twoLows = up(100, 120, 110, 150, 135, 160).map((p, i) => (i === 1 ? { ...p, kind: 'low' as const } : p));
  only(twoLows, /both swing lows/);
});
