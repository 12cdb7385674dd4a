import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BookAtClose } from '../../../actors/features/feature.js';
import { depthImbalance, depthImbalanceWithin, spread } from '../../../actors/patterns/microstructure/spread-depth.js';

const book: BookAtClose = { ts: 0, bids: [[100, 3], [99, 1]], asks: [[100.5, 1], [101, 2], [102, 10]] };

test('spread at the best quotes', () => {
  // 100.5 − 100 = 0.5; mid 100.25 → 0.5 / 100.25.
  assert.deepEqual(spread(book), { absolute: 0.5, relative: 0.5 / 100.25 });
  assert.equal(spread({ ts: 0, bids: [], asks: [[1, 1]] }), null);
});

test('depth imbalance at the best and within k levels', () => {
  // Best: (3 − 1) / 4 = 0.5. Two levels: (4 − 3) / 7. Three: the bids have only 2 levels, (4 − 13) / 17.
  assert.equal(depthImbalance(book, 1), 0.5);
  assert.equal(depthImbalance(book, 2), 1 / 7);
  assert.equal(depthImbalance(book, 3), -9 / 17);
  assert.equal(depthImbalance({ ts: 0, bids: [], asks: [] }, 1), null);
});

test('depth imbalance within a fraction of mid, by quote value', () => {
  // 0.6% of mid 100.25: bids ≥ 99.6485 → 100 × 3 = 300; asks ≤ 100.8515 → 100.5 × 1 = 100.5.
  assert.equal(depthImbalanceWithin(book, 0.006), (300 - 100.5) / 400.5);
  assert.equal(depthImbalanceWithin({ ts: 0, bids: [[1, 1]], asks: [] }, 0.006), null);
});
