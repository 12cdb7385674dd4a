import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verdict } from '../../../actors/patterns/evaluation/verdict.js';

test('edge only when the interval lies above 0, adverse below, no edge across it, too few under the minimum', () => {
  assert.equal(verdict(10, [0.001, 0.02], 10), 'edge');
  assert.equal(verdict(10, [-0.02, -0.001], 10), 'adverse');
  assert.equal(verdict(10, [-0.01, 0.01], 10), 'no edge');
  assert.equal(verdict(10, [0, 0.01], 10), 'no edge', 'an interval touching 0 does not exclude it');
  assert.equal(verdict(9, [0.001, 0.02], 10), 'too few');
  assert.equal(verdict(0, null, 10), 'too few');
});
