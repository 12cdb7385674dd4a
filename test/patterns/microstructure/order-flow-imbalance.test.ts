import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BookAtClose } from '../../../actors/features/feature.js';
import { bestLevelOfi, multiLevelOfi } from '../../../actors/patterns/microstructure/order-flow-imbalance.js';
import { ofiByInterval } from '../../../actors/patterns/microstructure/ofi-by-interval.js';

const book = (ts: number, bids: [number, number][], asks: [number, number][]): BookAtClose => ({ ts, bids, asks });

// e = 1{Pb ≥ Pb'}qb − 1{Pb ≤ Pb'}qb' − 1{Pa ≤ Pa'}qa + 1{Pa ≥ Pa'}qa'  (primed: before)
const b0 = book(0, [[100, 5], [99, 3]], [[101, 4], [102, 6]]);
// Bid size 5 → 7 at the same price: +7 − 5 = +2; ask unchanged: −4 + 4 = 0. e = 2.
const b1 = book(400, [[100, 7], [99, 3]], [[101, 4], [102, 6]]);
// Bid steps up to 100.5 (size 1): +1 only; ask steps up to 101.5 (size 2): +4 only (the old ask was taken). e = 5.
const b2 = book(1200, [[100.5, 1], [100, 7]], [[101.5, 2], [102, 6]]);
// Bid falls back to 100 (size 7): −1 only; ask falls to 101 (size 3): −3 only. e = −4.
const b3 = book(1500, [[100, 7], [99, 3]], [[101, 3], [101.5, 2]]);

test('best-level OFI: size change at the same price, both quotes stepping up, both stepping down', () => {
  assert.equal(bestLevelOfi(b0, b1), 2);
  assert.equal(bestLevelOfi(b1, b2), 5);
  assert.equal(bestLevelOfi(b2, b3), -4);
  assert.equal(bestLevelOfi(b0, b0), 0);
});

test('multi-level OFI applies the formula to the m-th level on each side (Xu, Gould & Howison 2019)', () => {
  // Level 2 of b1 → b2: bid 99 (3) → 100 (7), up: +7; ask 102 (6) → 102 (6), same: −6 + 6 = 0. So [5, 7].
  assert.deepEqual(multiLevelOfi(b1, b2, 2), [5, 7]);
  // Level 2 of b2 → b3: bid 100 (7) → 99 (3), down: −7; ask 102 (6) → 101.5 (2), down: −2. So [−4, −9].
  assert.deepEqual(multiLevelOfi(b2, b3, 2), [-4, -9]);
  // A third level exists in neither book: 0.
  assert.deepEqual(multiLevelOfi(b2, b3, 3), [-4, -9, 0]);
});

test('a side empty before or after contributes nothing', () => {
  const noBids = book(0, [], [[101, 4]]);
  // Only the ask: 101 (4) → 101 (4): 0; the bid side is missing in the first book, so its +7 − ? is not counted.
  assert.equal(bestLevelOfi(noBids, b1), 0);
  // Ask size 4 → 9 at 101: −9 + 4 = −5.
  assert.equal(bestLevelOfi(noBids, book(1, [], [[101, 9]])), -5);
});

test('OFI summed per interval: each change counted where its later book falls', () => {
  // 1 s intervals from 0: b0→b1 (ts 400) in [0, 1000): 2; b1→b2 (1200) and b2→b3 (1500) in [1000, 2000): 5 − 4 = 1.
  const out = ofiByInterval([b0, b1, b2, b3], { from: 0, intervalMs: 1000, levels: 2 });
  assert.deepEqual(out, [
    { start: 0, ofi: [2, 0], events: 1 },
    { start: 1000, ofi: [1, -2], events: 2 },
  ]);
  // An interval with no change between two that have some is zeros; a change before `from` is left out.
  const gap = ofiByInterval([b0, b1, { ...b2, ts: 2500 }], { from: 300, intervalMs: 1000, levels: 1 });
  assert.deepEqual(gap, [
    { start: 300, ofi: [2], events: 1 },
    { start: 1300, ofi: [0], events: 0 },
    { start: 2300, ofi: [5], events: 1 },
  ]);
  assert.deepEqual(ofiByInterval([b0, b1], { from: 500, intervalMs: 1000, levels: 1 }), []);
});
