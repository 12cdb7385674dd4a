import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../actors/runtime/errors.js';
import { parseSweepAxes, parseSweepAxis } from '../../../actors/backtest/sweep/sweep-axis.js';

function issues(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err.issues.length > 0 ? err.issues : [err.shortMessage];
  }
  assert.fail('expected an InputError');
}

test('a range includes stop when it lands on the grid, and only then', () => {
  assert.deepEqual(parseSweepAxis('fast=5:20:5'), { key: 'fast', values: [5, 10, 15, 20] });
  assert.deepEqual(parseSweepAxis('slow=20:60:15').values, [20, 35, 50]);
  assert.deepEqual(parseSweepAxis('fast=7:7:1').values, [7]);
});

test('fractional steps land on tidy values, stop included despite floating point', () => {
  assert.deepEqual(parseSweepAxis('fraction=0.1:0.3:0.1').values, [0.1, 0.2, 0.3]);
  assert.deepEqual(parseSweepAxis('fraction=0.25:1:0.25').values, [0.25, 0.5, 0.75, 1]);
});

test('a list keeps its order; numeric items are numbers, others stay strings', () => {
  assert.deepEqual(parseSweepAxis('slow=40,20, 30'), { key: 'slow', values: [40, 20, 30] });
  assert.deepEqual(parseSweepAxis('mode=a,b').values, ['a', 'b']);
});

test('bad ranges name the flag and the problem', () => {
  assert.deepEqual(issues(() => parseSweepAxis('fast=5:20:0')), ['--sweep fast: step must be > 0 (got 0)']);
  assert.deepEqual(issues(() => parseSweepAxis('fast=5:20:-1')), ['--sweep fast: step must be > 0 (got -1)']);
  assert.deepEqual(issues(() => parseSweepAxis('fast=20:5:5')), ['--sweep fast: start 20 is after stop 5']);
  assert.deepEqual(issues(() => parseSweepAxis('fast=a:20:5')), ['--sweep fast: start is not a number (got "a")']);
  assert.deepEqual(issues(() => parseSweepAxis('fast=5::5')), ['--sweep fast: stop is not a number (got "")']);
  assert.deepEqual(issues(() => parseSweepAxis('fast=5:20')), ['--sweep fast=5:20: a range is start:stop:step']);
  assert.deepEqual(issues(() => parseSweepAxis('fast=1:1e9:1')), ['--sweep fast: 1000000000 values, more than 10000; use a larger step']);
  assert.deepEqual(issues(() => parseSweepAxis('fast')), ['--sweep fast: expected key=start:stop:step or key=a,b,c']);
  assert.deepEqual(issues(() => parseSweepAxis('=1,2')), ['--sweep =1,2: expected key=start:stop:step or key=a,b,c']);
  assert.deepEqual(issues(() => parseSweepAxis('fast=5,,6')), ['--sweep fast=5,,6: an empty item in the list']);
  assert.deepEqual(issues(() => parseSweepAxis('fast=5,6,5')), ['--sweep fast: 5 is listed twice']);
});

test('every bad flag is listed at once, and a key swept twice is refused', () => {
  assert.deepEqual(issues(() => parseSweepAxes(['fast=5:20:0', 'slow=9:1:1', 'fast=1,2', 'fast=3,4'])), [
    '--sweep fast: step must be > 0 (got 0)',
    '--sweep slow: start 9 is after stop 1',
    '--sweep fast: swept twice',
  ]);
  assert.deepEqual(parseSweepAxes(['fast=5:10:5', 'slow=30,40']).map((a) => a.key), ['fast', 'slow']);
});
