import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BookSide } from '../../../actors/market-data/order-book/book-side.js';

/** The plain way: a map of price → amount, sorted on every read. */
function top(levels: Map<number, number>, side: 'bids' | 'asks', depth: number): Array<readonly [number, number]> {
  return [...levels].sort((x, y) => (side === 'bids' ? y[0] - x[0] : x[0] - y[0])).slice(0, depth);
}

test('any sequence of sets and removals reads back as the sorted map would, for both sides and any depth', () => {
  const op = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 })));
  fc.assert(
    fc.property(fc.constantFrom('bids' as const, 'asks' as const), fc.array(op, { maxLength: 1500 }), fc.integer({ min: 1, max: 500 }), (side, ops, depth) => {
      const book = new BookSide(side);
      const ref = new Map<number, number>();
      for (const [tick, amount] of ops) {
        const price = 100 + tick / 10;
        book.set(price, amount);
        if (amount > 0) ref.set(price, amount);
        else ref.delete(price);
      }
      assert.equal(book.size, ref.size);
      assert.deepEqual(book.top(depth), top(ref, side, depth));
    }),
    { numRuns: 200 },
  );
});

test('a loaded snapshot keeps its levels with an amount, best first; later changes land in order', () => {
  const asks = new BookSide('asks');
  asks.load(Array.from({ length: 300 }, (_, i) => [200 - i * 0.5, i % 7] as const));
  assert.equal(asks.size, 300 - Math.ceil(300 / 7));
  assert.deepEqual(asks.top(2), [[50.5, 5], [51, 4]]);
  asks.set(50.25, 1);
  asks.set(50.5, 0);
  asks.set(51, 2);
  assert.deepEqual(asks.top(3), [[50.25, 1], [51, 2], [51.5, 3]]);
  asks.clear();
  assert.deepEqual([asks.size, asks.top(5)], [0, []]);
});

test('a level handed out is never changed afterwards (books already published stay as they were)', () => {
  const bids = new BookSide('bids');
  bids.set(10, 1);
  const before = bids.top(1);
  bids.set(10, 2);
  assert.deepEqual(before, [[10, 1]]);
  assert.deepEqual(bids.top(1), [[10, 2]]);
});
