import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SwingPoint } from '../../../actors/patterns/swing-point.js';
import {
  harmonicsAtLastSwing,
  scanHarmonics,
  type HarmonicMatch,
} from '../../../actors/patterns/harmonic/detect-harmonic.js';

const MIN = 60_000;
/** Alternating swings at bars 0, 2, 4, … each confirmed a bar later; the last one is a low (bullish) unless `lastKind`. */
function swings(prices: readonly number[], lastKind: 'high' | 'low' = 'low'): SwingPoint[] {
  const other = lastKind === 'low' ? 'high' : 'low';
  return prices.map((price, i) => ({
    index: 2 * i,
    ts: 2 * i * MIN,
    price,
    kind: (prices.length - 1 - i) % 2 === 0 ? lastKind : other,
    confirmedAt: 2 * i + 1,
  }));
}
/** The bearish mirror: every price reflected through 200, kinds swapped. */
function mirrored(prices: readonly number[]): SwingPoint[] {
  return swings(
    prices.map((p) => 400 - p),
    'high',
  );
}
const names = (m: readonly HarmonicMatch[]): string[] => m.map((p) => p.name);
const near = (actual: number | undefined, expected: number): void =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${actual} vs ${expected}`);

// Every bullish example has X = 100 and A = 200 (XA = 100), so XAB and XAD read straight off the prices.
const EXAMPLES = {
  // B 138.2: XAB 0.618. C 169.1: ABC 30.9/61.8 = 0.5. D 121.4: XAD 0.786; BCD 47.7/30.9 = 1.544 (1.13–1.618).
  gartley: [100, 200, 138.2, 169.1, 121.4],
  // B 155: XAB 0.45 (0.382–0.5). C 186.5: ABC 31.5/45 = 0.7. D 111.4: XAD 0.886; BCD 75.1/31.5 = 2.384 (1.618–2.618).
  bat: [100, 200, 155, 186.5, 111.4],
  // B 162: XAB 0.38 (≤ 0.382). C 195: ABC 33/38 = 0.868. D 87: XAD 1.13; BCD 108/33 = 3.273 (2.0–3.618).
  'alternate-bat': [100, 200, 162, 195, 87],
  // B 121.4: XAB 0.786. C 170: ABC 48.6/78.6 = 0.618. D 73: XAD 1.27; BCD 97/48.6 = 1.996 (1.618–2.24).
  butterfly: [100, 200, 121.4, 170, 73],
  // B 150: XAB 0.5 (0.382–0.618). C 194: ABC 44/50 = 0.88. D 38.2: XAD 1.618; BCD 155.8/44 = 3.541 (2.24–3.618).
  crab: [100, 200, 150, 194, 38.2],
  // B 111.4: XAB 0.886. C 166: ABC 54.6/88.6 = 0.616. D 38.2: XAD 1.618; BCD 127.8/54.6 = 2.341 (2.0–3.618).
  'deep-crab': [100, 200, 111.4, 166, 38.2],
  // Carney's O, X, A, B, C = our X, A, B, C, D. C 215: ABC 65/50 = 1.3 (1.13–1.618, B beyond X in his naming).
  // D 100: XAD 1.0 (0.886–1.13 of OX); BCD 115/65 = 1.769 (1.618–2.24).
  shark: [100, 200, 150, 215, 100],
  // B 150: XAB 0.5. C 215: ABC 1.3 (1.13–1.414, beyond A). D = 215 − 0.786·115 = 124.61: XCD 0.786; BCD 90.39/65 = 1.391.
  cypher: [100, 200, 150, 215, 124.61],
} as const;

for (const [name, prices] of Object.entries(EXAMPLES)) {
  test(`${name}: the worked example matches it alone, bullish, and its mirror bearish`, () => {
    const bull = harmonicsAtLastSwing(swings(prices));
    assert.deepEqual(names(bull), [name]);
    assert.equal(bull[0]!.direction, 'bullish');
    assert.deepEqual(
      bull[0]!.points.map((p) => [p.label, p.price]),
      ['X', 'A', 'B', 'C', 'D'].map((label, i) => [label, prices[i]]),
    );
    const bear = harmonicsAtLastSwing(mirrored(prices));
    assert.deepEqual(names(bear), [name]);
    assert.equal(bear[0]!.direction, 'bearish');
    for (const key of ['xab', 'abc', 'bcd', 'xad', 'xcd'] as const) near(bear[0]!.ratios[key], bull[0]!.ratios[key]!);
    // Mirror through 200: the PRZ flips, and the invalidation is its far edge on each side.
    near(bear[0]!.prz.low, 400 - bull[0]!.prz.high);
    near(bear[0]!.prz.high, 400 - bull[0]!.prz.low);
    assert.equal(bull[0]!.invalidation, bull[0]!.prz.low);
    assert.equal(bear[0]!.invalidation, bear[0]!.prz.high);
    const d = prices[4];
    assert.ok(bull[0]!.prz.low <= d && d <= bull[0]!.prz.high, 'D lies in the PRZ');
  });
}

test('gartley: measured ratios, the PRZ and the invalidation level, by hand', () => {
  const [m] = harmonicsAtLastSwing(swings(EXAMPLES.gartley));
  near(m!.ratios.xab, 0.618);
  near(m!.ratios.abc, 0.5);
  near(m!.ratios.bcd, 47.7 / 30.9);
  near(m!.ratios.xad, 0.786);
  // XAD band 0.786 ± 5 % = [0.7467, 0.8253] puts D in [200 − 82.53, 200 − 74.67] = [117.47, 125.33]; the BC band
  // [1.0735, 1.6989] of BC = 30.9 allows [116.60, 135.93]; the intersection is the XAD band.
  near(m!.prz.low, 200 - 0.786 * 1.05 * 100);
  near(m!.prz.high, 200 - 0.786 * 0.95 * 100);
  near(m!.invalidation, 117.47);
  assert.equal(m!.confirmedAt, 9);
});

test('shark: the BC projection cuts the PRZ', () => {
  const [m] = harmonicsAtLastSwing(swings(EXAMPLES.shark));
  // XAD [0.886·0.95, 1.13·1.05] → D in [81.35, 115.83]; BCD [1.618·0.95, 2.24·1.05] of 65 → [62.12, 115.09].
  near(m!.prz.low, 200 - 1.13 * 1.05 * 100);
  near(m!.prz.high, 215 - 1.618 * 0.95 * 65);
});

test('ab=cd: four swings, CD equal to AB, bullish and bearish', () => {
  // A 200, B 150, C 180 (ABC 0.6), D 130: CD = AB = 50; BCD 50/30 = 1.667 (1.13–2.618).
  const bull = harmonicsAtLastSwing(swings([200, 150, 180, 130]));
  assert.deepEqual(names(bull), ['ab=cd']);
  assert.deepEqual(
    bull[0]!.points.map((p) => p.label),
    ['A', 'B', 'C', 'D'],
  );
  near(bull[0]!.ratios.cdab, 1);
  // CD/AB band [0.95, 1.05] → D in [127.5, 132.5]; BCD band [1.0735, 2.7489] of 30 → [97.53, 147.80].
  near(bull[0]!.prz.low, 127.5);
  near(bull[0]!.prz.high, 132.5);
  assert.deepEqual(names(harmonicsAtLastSwing(mirrored([200, 150, 180, 130]))), ['ab=cd']);
  // CD = 0.94 AB (D 133) is outside the 5 % band.
  assert.deepEqual(harmonicsAtLastSwing(swings([200, 150, 180, 133])), []);
});

test('a B at 0.70 of XA, between the Gartley (0.618) and Butterfly (0.786), is neither', () => {
  // B 130. With a Gartley's C and D (ABC 0.5 → C 165, XAD 0.786 → D 121.4) or a Butterfly's (D 73): nothing.
  assert.deepEqual(harmonicsAtLastSwing(swings([100, 200, 130, 165, 121.4])), []);
  assert.deepEqual(harmonicsAtLastSwing(swings([100, 200, 130, 165, 73])), []);
  // The bands either side: 0.618 ± 5 % ends at 0.6489, 0.786 ± 5 % starts at 0.7467.
  assert.deepEqual(names(harmonicsAtLastSwing(swings([100, 200, 135.2, 167.6, 121.4]))), ['gartley']); // XAB 0.648
  assert.deepEqual(harmonicsAtLastSwing(swings([100, 200, 135, 167.5, 121.4])), []); // XAB 0.65
});

test('tolerance edges on D: the Gartley XAD band [0.7467, 0.8253]', () => {
  const gartley = (d: number): string[] => names(harmonicsAtLastSwing(swings([100, 200, 138.2, 169.1, d])));
  assert.deepEqual(gartley(125.2), ['gartley']); // XAD 0.748, BCD 1.421
  assert.deepEqual(gartley(125.4), []); // XAD 0.746
  assert.deepEqual(gartley(117.6), ['gartley']); // XAD 0.824, BCD 1.667
  assert.deepEqual(gartley(117.4), []); // XAD 0.826
  // A wider tolerance (10 %: [0.7074, 0.8646]) takes 0.746 in.
  assert.deepEqual(names(harmonicsAtLastSwing(swings([100, 200, 138.2, 169.1, 125.4]), { tolerance: 0.1 })), [
    'gartley',
  ]);
});

test('swings that do not alternate, or too few, match nothing; scan reports each pattern at its D', () => {
  const broken = swings(EXAMPLES.gartley).map((s, i) => (i === 2 ? { ...s, kind: 'high' as const } : s));
  assert.deepEqual(harmonicsAtLastSwing(broken), []);
  assert.deepEqual(harmonicsAtLastSwing(swings([200, 150, 180])), []);
  // Gartley's swings then one more high: the Gartley is found once, completing at the fifth swing.
  const series = swings([...EXAMPLES.gartley, 150], 'high');
  const found = scanHarmonics(series);
  assert.deepEqual(names(found), ['gartley']);
  assert.equal(found[0]!.confirmedAt, series[4]!.confirmedAt);
});
