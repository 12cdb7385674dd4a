import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RunningPercentile } from '../../../actors/patterns/microstructure/running-percentile.js';

test('each value is ranked among the ones before it, ties counting as at or below', () => {
  const r = new RunningPercentile(10);
  assert.deepEqual([0.2, 0.1, 0.3, 0.2, 0.05].map((x) => r.push(x)), [null, 0, 1, 2 / 3, 0]);
  assert.equal(r.count, 5);
});

test('only the last `size` values count: the oldest leaves', () => {
  const r = new RunningPercentile(3);
  for (const x of [9, 1, 2, 3]) r.push(x); // 9 has left: 1, 2, 3 remain
  assert.equal(r.push(4), 1);
  assert.equal(r.count, 3);
  assert.equal(r.push(2.5), 1 / 3); // among 2, 3, 4
});
