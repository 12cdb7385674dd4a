import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferPeriodsPerYear } from '../../../actors/ledger/metrics/periods.js';
import { InputError } from '../../../actors/runtime/errors.js';

test('periods per year from 5-minute bars, robust to a gap', () => {
  const five = 5 * 60_000;
  const ts = [0, five, 2 * five, 10 * five, 11 * five, 12 * five];
  assert.equal(inferPeriodsPerYear(ts), (365 * 24 * 60) / 5);
});

test('daily data gives 365 periods', () => {
  const day = 86_400_000;
  assert.equal(inferPeriodsPerYear([0, day, 2 * day]), 365);
});

test('too few timestamps is an InputError', () => {
  assert.throws(() => inferPeriodsPerYear([1]), InputError);
});
