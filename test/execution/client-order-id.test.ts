import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clientOrderId, isValidClientOrderId } from '../../actors/execution/client-order-id.js';

test('short clean ids stay readable', () => {
  assert.equal(clientOrderId('mm-42', 0), 'mm-42.0');
  assert.equal(clientOrderId('mm-42', 11), 'mm-42.b');
});

test('any root id gives a valid Binance newClientOrderId, deterministically, distinct per root and child', () => {
  const seen = new Map<string, string>();
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }), fc.nat({ max: 5_000 }), (root, child) => {
      const id = clientOrderId(root, child);
      assert.ok(isValidClientOrderId(id), id);
      assert.ok(id.length <= 36);
      assert.equal(clientOrderId(root, child), id);
      const key = `${root}\u0000${child}`;
      const prior = seen.get(id);
      assert.ok(prior === undefined || prior === key, `collision: ${id} for ${prior} and ${key}`);
      seen.set(id, key);
    }),
    { numRuns: 3_000, seed: 42 },
  );
});

test('lossy sanitising never collides: ids that differ only in replaced characters differ', () => {
  assert.notEqual(clientOrderId('arb €1'), clientOrderId('arb $1'));
  assert.notEqual(clientOrderId('a'.repeat(40)), clientOrderId(`${'a'.repeat(39)}b`));
  assert.notEqual(clientOrderId('mm 1'), clientOrderId('mm_1'));
});

test('bad child index is refused', () => {
  assert.throws(() => clientOrderId('x', -1), RangeError);
  assert.throws(() => clientOrderId('x', 1.5), RangeError);
  assert.throws(() => clientOrderId('', 0), RangeError);
});
