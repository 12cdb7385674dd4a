import { test } from 'node:test';
import assert from 'node:assert/strict';
import { smaCrossParams } from '../../../actors/strategies/sma-cross/params.js';

test('sma-cross params: defaults, fast shorter than slow, positive integers, fraction in (0, 1], no unknown keys', () => {
  assert.deepEqual(smaCrossParams.parse({}), { fast: 10, slow: 30, fraction: 1 });
  assert.deepEqual(smaCrossParams.parse({ fast: 3, slow: 5, fraction: 0.5 }), { fast: 3, slow: 5, fraction: 0.5 });
  const issue = (p: unknown) => smaCrossParams.safeParse(p).error?.issues[0];
  assert.match(issue({ fast: 30, slow: 10 })!.message, /shorter than slow \(10\)/);
  assert.deepEqual(issue({ fast: 0 })!.path, ['fast']);
  assert.deepEqual(issue({ slow: 2.5 })!.path, ['slow']);
  assert.deepEqual(issue({ fraction: 0 })!.path, ['fraction']);
  assert.deepEqual(issue({ fraction: 1.01 })!.path, ['fraction']);
  assert.equal(issue({ fsat: 3 })!.code, 'unrecognized_keys');
});
