import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOOK_FEATURES, depthWithin } from '../../actors/features/book-features.js';
import type { BookAtClose, FeatureBar } from '../../actors/features/feature.js';
import { BookReplay } from '../../actors/features/inputs/book-replay.js';
import type { BookTape } from '../../actors/features/inputs/book-tape.js';

const near = (actual: number | null | undefined, expected: number) => assert.ok(actual != null && Math.abs(actual - expected) < 1e-9, `${actual} ≈ ${expected}`);

// mid 100: ±0.1% is 99.9..100.1, ±0.5% is 99.5..100.5.
const book: BookAtClose = {
  ts: 0,
  bids: [[99.95, 2], [99.92, 1], [99.7, 3], [99.3, 5]],
  asks: [[100.05, 1], [100.08, 4], [100.3, 2], [100.7, 1]],
};

function values(b: BookAtClose | undefined): Record<string, number | null> {
  const bar: FeatureBar = { candle: { ts: 0, open: 100, high: 100, low: 100, close: 100, volume: 1 }, closeTs: 1000, news: [], book: b };
  return Object.fromEntries(BOOK_FEATURES.map((f) => [f.name, f.start()(bar)]));
}

test('depth within ±0.1% / ±0.5% of mid is the quote value of the levels inside the band', () => {
  near(depthWithin(book, 'bids', 0.001), 99.95 * 2 + 99.92);
  near(depthWithin(book, 'asks', 0.001), 100.05 + 100.08 * 4);
  near(depthWithin(book, 'bids', 0.005), 99.95 * 2 + 99.92 + 99.7 * 3);
  near(depthWithin(book, 'asks', 0.005), 100.05 + 100.08 * 4 + 100.3 * 2);
});

test('the book features at a close: depths, relative spread, imbalance within ±0.5%; none without a book', () => {
  const v = values(book);
  near(v.bid_depth_10bp, 299.82);
  near(v.ask_depth_10bp, 500.37);
  near(v.bid_depth_50bp, 598.92);
  near(v.ask_depth_50bp, 700.97);
  near(v.spread_rel, 0.1 / 100);
  near(v.depth_imbalance_50bp, (598.92 - 700.97) / (598.92 + 700.97));
  assert.ok(Object.values(values(undefined)).every((x) => x === null), 'no book at this close: no value, not 0');
  assert.ok(Object.values(values({ ts: 0, bids: [[99, 1]], asks: [] })).every((x) => x === null), 'a one-sided book has no mid');
});

test('the replayed book at a close is the last state with ts ≤ close, cut to ±0.5% of mid, and none outside the tape', () => {
  const tape: BookTape = {
    from: 1000,
    to: 2500,
    updates: [
      { ts: 1000, snapshot: true, bids: [[1000, 1], [999, 2], [980, 7]], asks: [[1001, 1], [1002, 3]] },
      { ts: 1500, snapshot: false, bids: [[1000, 0], [999.5, 4]], asks: [] },
      { ts: 2500, snapshot: false, bids: [], asks: [[1001, 5]] },
    ],
  };
  const replay = new BookReplay(tape);
  assert.equal(replay.at(999), undefined, 'before the snapshot');
  assert.deepEqual(replay.at(1000), { ts: 1000, bids: [[1000, 1], [999, 2]], asks: [[1001, 1], [1002, 3]] });
  assert.deepEqual(replay.at(2499), { ts: 1500, bids: [[999.5, 4], [999, 2]], asks: [[1001, 1], [1002, 3]] });
  assert.deepEqual(replay.at(2500), { ts: 2500, bids: [[999.5, 4], [999, 2]], asks: [[1001, 5], [1002, 3]] });
  assert.equal(replay.at(2501), undefined, 'after the recording ends the last book is not carried on');
});
