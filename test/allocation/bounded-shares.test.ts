import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { boundedShares } from '../../actors/allocation/bounded-shares.js';

const close = (actual: readonly number[], expected: readonly number[]) =>
  assert.deepEqual(actual.map((x) => Math.round(x * 1e12) / 1e12), expected);

test('shares are proportional to the scores when no bound binds', () => {
  close(boundedShares([1, 2, 1], 0.8, 0.05, 0.5), [0.2, 0.4, 0.2]);
});

test('a share over the cap is pinned there and its excess goes to the others in proportion to their scores', () => {
  // Proportional: 0.8, 0.15, 0.05 → cap 0.5; the other two split 0.5 as 3 : 1.
  close(boundedShares([16, 3, 1], 1, 0.05, 0.5), [0.5, 0.375, 0.125]);
});

test('a share under the floor is lifted to it and the lift is taken from the others in proportion', () => {
  // Proportional: 0.99, 0.01, 0 with cap 1 → floors 0.1 for the two small ones, the first keeps 0.8.
  close(boundedShares([99, 1, 0], 1, 0.1, 1), [0.8, 0.1, 0.1]);
});

test('with one scoring family capped, the rest is split equally among the others', () => {
  close(boundedShares([5, 0, 0], 0.7, 0.05, 0.5), [0.5, 0.1, 0.1]);
});

test('an infinite score takes the place of every finite one', () => {
  close(boundedShares([Infinity, 3, 0], 1, 0.1, 0.6), [0.6, 0.2, 0.2]);
});

test('bounds that cannot hold the total: the cap wins (the rest stays unallocated), the floor gives way to the equal split', () => {
  close(boundedShares([1, 2], 0.9, 0.05, 0.4), [0.4, 0.4]);
  close(boundedShares([1, 2, 3], 0.3, 0.2, 0.5), [0.1, 0.1, 0.1]);
});

test('property: shares stay within their bounds, add up to at most the total, and to exactly it when the caps allow', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constant(0), fc.constant(Infinity), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 5 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (scores, total, a, b) => {
        const [floor, cap] = a <= b ? [a, b] : [b, a];
        const shares = boundedShares(scores, total, floor, cap);
        const sum = shares.reduce((x, y) => x + y, 0);
        const lo = Math.min(floor, total / scores.length);
        assert.equal(shares.length, scores.length);
        for (const s of shares) {
          assert.ok(s <= cap + 1e-12, `share ${s} over cap ${cap}`);
          assert.ok(s >= lo - 1e-12, `share ${s} under floor ${lo}`);
        }
        assert.ok(sum <= total + 1e-12, `sum ${sum} over total ${total}`);
        if (scores.length * cap >= total) assert.ok(Math.abs(sum - total) <= 1e-12, `sum ${sum} is not the total ${total}`);
      },
    ),
    { numRuns: 5_000, seed: 11 },
  );
});
