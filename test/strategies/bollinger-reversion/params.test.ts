import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bollingerReversionParams } from '../../../actors/strategies/bollinger-reversion/params.js';

test('bollinger-reversion params: defaults, a window of at least 2 whole bars, positive width, fraction in (0, 1], no unknown keys', () => {
  assert.deepEqual(bollingerReversionParams.parse({}), { period: 20, stdDevs: 2, fraction: 1 });
  assert.deepEqual(bollingerReversionParams.parse({ period: 2, stdDevs: 0.5, fraction: 0.25 }), { period: 2, stdDevs: 0.5, fraction: 0.25 });
  const issue = (p: unknown) => bollingerReversionParams.safeParse(p).error?.issues[0];
  assert.deepEqual(issue({ period: 1 })!.path, ['period']);
  assert.deepEqual(issue({ period: 20.5 })!.path, ['period']);
  assert.deepEqual(issue({ stdDevs: 0 })!.path, ['stdDevs']);
  assert.deepEqual(issue({ fraction: 1.5 })!.path, ['fraction']);
  assert.equal(issue({ periods: 3 })!.code, 'unrecognized_keys');
});
