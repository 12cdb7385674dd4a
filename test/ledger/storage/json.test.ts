import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromJson, toJson } from '../../../actors/ledger/storage/json.js';

test('bigint values round-trip through JSON at any depth', () => {
  const value = { amountIn: 10n ** 30n, legs: [{ out: -5n }, 7], note: 'x', n: 1.5, nested: { zero: 0n } };
  const text = toJson(value);
  assert.match(text, /"\$bigint":"1000000000000000000000000000000"/);
  assert.deepEqual(fromJson(text), value);
});

test('strings that look like numbers stay strings', () => {
  assert.deepEqual(fromJson(toJson({ a: '123', b: '123n' })), { a: '123', b: '123n' });
});
