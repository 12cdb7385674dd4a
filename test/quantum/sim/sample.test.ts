import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ry } from '../../../actors/quantum/sim/gates.js';
import { sample } from '../../../actors/quantum/sim/sample.js';
import { StateVector } from '../../../actors/quantum/sim/state-vector.js';

test('sampling follows |amp|² (RY(2·acos √0.2) gives P(|0⟩) = 0.2), repeats with the seed, and never returns a zero-probability state', () => {
  const s = StateVector.zero(2);
  ry(s, 0, 2 * Math.acos(Math.sqrt(0.2)));
  const a = sample(s, 20_000, 42);
  assert.deepEqual(a, sample(s, 20_000, 42));
  const zeros = a.filter((k) => k === 0).length;
  assert.ok(a.every((k) => k === 0 || k === 1));
  assert.ok(Math.abs(zeros / a.length - 0.2) < 0.01, `${zeros / a.length}`);
  assert.notDeepEqual(a, sample(s, 20_000, 43));
});
