import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Candle } from '../../../actors/market-data/types.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { Zigzag, zigzag } from '../../../actors/patterns/swings/zigzag.js';

const MIN = 60_000;
function bars(rows: readonly (readonly [high: number, low: number, close: number])[]): Candle[] {
  return rows.map(([high, low, close], i) => ({ ts: i * MIN, open: close, high, low, close, volume: 1 }));
}

// 10 %: the high 110 (bar 2) is confirmed by a close at or below 99, the low 95 (bar 5) by a close at or above 104.5.
const series = bars([
  [100, 99, 99.5], // 0: lowest low so far 99; a low would need a close >= 108.9, never reached before bar 4
  [105, 101, 104],
  [110, 104, 108], // 2: the high
  [108, 100, 101], // 3: 101 > 99, not yet
  [102, 97, 99], // 4: 99 = 110 * 0.9 exactly: confirms the high
  [99, 95, 96], // 5: the low
  [104, 96, 103], // 6: 103 < 95 * 1.1 = 104.5
  [106, 102, 105], // 7: 105 >= 104.5: confirms the low
  [107, 103, 104], // 8: running high 107, never reported
]);

test('percent zigzag: alternating swings, each confirmed by the later close that crossed the threshold', () => {
  assert.deepEqual(zigzag(series, { kind: 'percent', percent: 10 }), [
    { index: 2, ts: 2 * MIN, price: 110, kind: 'high', confirmedAt: 4 },
    { index: 5, ts: 5 * MIN, price: 95, kind: 'low', confirmedAt: 7 },
  ]);
});

test('percent zigzag: a close one cent short of the threshold confirms nothing', () => {
  const short = series.slice(0, 5).map((c, i) => (i === 4 ? { ...c, close: 99.01 } : c));
  assert.deepEqual(zigzag(short, { kind: 'percent', percent: 10 }), []);
});

test('percent zigzag: the incremental detector reports swings on the bar that confirmed them', () => {
  const z = new Zigzag({ kind: 'percent', percent: 10 });
  const perBar = series.map((c) => z.update(c).map((s) => s.index));
  assert.deepEqual(perBar, [[], [], [], [], [2], [], [], [5], []]);
});

test('percent zigzag: one close confirms two swings when a wick ran past the threshold first', () => {
  // High 110 (bar 1); bar 2 wicks to 90 but closes 100 (> 99); bar 3 closes 99, <= 110 * 0.9 and >= 90 * 1.1:
  // it confirms the high, then the low 90 behind it.
  const s = bars([
    [100, 99.5, 100],
    [110, 100, 105],
    [101, 90, 100],
    [100, 98, 99],
  ]);
  assert.deepEqual(
    zigzag(s, { kind: 'percent', percent: 10 }).map((p) => [p.kind, p.index, p.confirmedAt]),
    [
      ['high', 1, 3],
      ['low', 2, 3],
    ],
  );
});

// ATR(3) is Wilder's: the mean of the first three true ranges, then (prev * 2 + TR) / 3.
// TR: bar0 1; bar1 max(1, |11-9.5|, |10-9.5|) = 1.5; bar2 max(2, 1.5, 0.5) = 2 -> ATR 1.5;
// bar3 max(1, 1, 0) = 1 -> ATR 4/3; bar4 max(2.8, 0.3, 2.5) = 2.8 -> ATR (8/3 + 2.8) / 3 = 1.8222.
const atrSeries = bars([
  [10, 9, 9.5],
  [11, 10, 10.5],
  [12, 10, 11],
  [12, 11, 11.5],
  [11.8, 9, 9.2],
]);

test('ATR zigzag: 1.5 ATR confirms the low at bar 3 and the high at bar 4', () => {
  // bar 3: low 9 + 1.5 * 4/3 = 11 <= close 11.5; bar 4: high 12 (bar 2, the earlier of two 12s) - 1.5 * 1.8222 = 9.2667 >= 9.2.
  assert.deepEqual(zigzag(atrSeries, { kind: 'atr', period: 3, multiple: 1.5 }), [
    { index: 0, ts: 0, price: 9, kind: 'low', confirmedAt: 3 },
    { index: 2, ts: 2 * MIN, price: 12, kind: 'high', confirmedAt: 4 },
  ]);
  // 2 ATR: bar 3 needs 9 + 2.667 = 11.67 > 11.5, bar 4 needs 12 - 3.64 = 8.36 < 9.2: nothing.
  assert.deepEqual(zigzag(atrSeries, { kind: 'atr', period: 3, multiple: 2 }), []);
});

test('ATR zigzag: nothing is confirmed before the ATR has its first value', () => {
  // With a tiny multiple bar 1 (close 10.5 well above the low 9) would confirm, but ATR(3) is first known at bar 2.
  assert.equal(zigzag(atrSeries, { kind: 'atr', period: 3, multiple: 0.01 })[0]?.confirmedAt, 2);
});

test('zigzag rejects thresholds that cannot work', () => {
  assert.throws(() => new Zigzag({ kind: 'percent', percent: 0 }), InputError);
  assert.throws(() => new Zigzag({ kind: 'atr', period: 0, multiple: 1 }), InputError);
  assert.throws(() => new Zigzag({ kind: 'atr', period: 14, multiple: -1 }), InputError);
});

const walk = fc
  .array(fc.tuple(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: 0, max: 0.03, noNaN: true })), {
    minLength: 2,
    maxLength: 120,
  })
  .map((steps) => {
    let close = 100;
    return steps.map(([ret, wick], i): Candle => {
      const open = close;
      close = open * (1 + ret);
      const high = Math.max(open, close) * (1 + wick);
      const low = Math.min(open, close) * (1 - wick);
      return { ts: i * MIN, open, high, low, close, volume: 1 };
    });
  });

test('no look-ahead: appending bars never changes or adds swings confirmed before them', () => {
  for (const threshold of [
    { kind: 'percent', percent: 3 },
    { kind: 'atr', period: 5, multiple: 2 },
  ] as const) {
    fc.assert(
      fc.property(walk, (candles) => {
        const full = zigzag(candles, threshold);
        for (let k = 1; k <= candles.length; k++) {
          assert.deepEqual(
            zigzag(candles.slice(0, k), threshold),
            full.filter((s) => s.confirmedAt < k),
          );
        }
        for (let i = 1; i < full.length; i++) {
          assert.notEqual(full[i]!.kind, full[i - 1]!.kind);
          assert.ok(full[i]!.index > full[i - 1]!.index);
          assert.ok(full[i]!.confirmedAt > full[i]!.index);
        }
      }),
      { numRuns: 60 },
    );
  }
});
