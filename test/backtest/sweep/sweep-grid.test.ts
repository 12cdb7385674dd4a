import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../actors/runtime/errors.js';
import { parseSweepAxes } from '../../../actors/backtest/sweep/sweep-axis.js';
import { cartesian, sweepGrid } from '../../../actors/backtest/sweep/sweep-grid.js';

const flag = (key: string) => `--param ${key}`;
const grid = (flags: string[], fixed: Record<string, string> = {}, label = flag) => sweepGrid('sma-cross', parseSweepAxes(flags), fixed, label);

function refused(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err;
  }
  assert.fail('expected an InputError');
}

test('the cartesian product varies the first axis slowest', () => {
  const combos = [...cartesian(parseSweepAxes(['a=1,2', 'b=x,y,z']))];
  assert.deepEqual(combos, [
    { a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 1, b: 'z' },
    { a: 2, b: 'x' }, { a: 2, b: 'y' }, { a: 2, b: 'z' },
  ]);
});

test('the brief\'s grid: combinations with fast ≥ slow are skipped and counted, defaults filled in', () => {
  const g = grid(['fast=5:20:5', 'slow=20:60:10']);
  assert.equal(g.runs.length + g.skipped, 4 * 5);
  assert.equal(g.skipped, 1, 'only fast=20 slow=20');
  assert.match(g.skipExample!, /^fast=20 slow=20: fast: must be shorter than slow \(20\) \(got 20\)$/);
  assert.deepEqual(g.runs[0], { fast: 5, slow: 20, fraction: 1 });
  assert.deepEqual(g.runs.at(-1), { fast: 20, slow: 60, fraction: 1 });
  assert.ok(g.runs.every((p) => (p.fast as number) < (p.slow as number)));
});

test('fixed parameters join every combination, as numbers from strings', () => {
  const g = grid(['slow=20,30'], { fast: '12', fraction: '0.5' });
  assert.deepEqual(g.runs, [{ fast: 12, slow: 20, fraction: 0.5 }, { fast: 12, slow: 30, fraction: 0.5 }]);
});

test('a value bad by itself, an unknown key or a bad fixed parameter is refused, every problem listed once', () => {
  const err = refused(() => grid(['fast=0:10:5', 'slwo=30,40'], { fraction: '2' }));
  assert.deepEqual(err.issues.sort(), [
    '--param fraction: must be ≤ 1 (got 2)',
    '--sweep fast: must be > 0 (got 0)',
    '--sweep slwo: unknown parameter of sma-cross (did you mean slow?); known: fast, slow, fraction',
  ]);
  assert.deepEqual(refused(() => grid(['fast=2.5,3'])).issues, ['--sweep fast: must be an integer (got 2.5)']);
  assert.deepEqual(refused(() => grid(['fast=a,b'])).issues, ['--sweep fast: must be a number (got a)', '--sweep fast: must be a number (got b)']);
});

test('a swept key also given as a fixed value is refused, named as the command line gave it', () => {
  assert.match(refused(() => grid(['fast=5,10'], { fast: '7' }, (k) => `--${k}`)).message, /--sweep fast: also given as --fast; give one or the other/);
});

test('when every combination breaks a cross-parameter rule, nothing is left to run: refused', () => {
  const err = refused(() => grid(['fast=40,50', 'slow=20,30']));
  assert.match(err.message, /every one of the 4 combinations is rejected by sma-cross's parameter rules, e\.g\. fast=40 slow=20: fast: must be shorter than slow \(20\)/);
});

test('a grid too large to be meant is refused before it is expanded', () => {
  assert.match(refused(() => grid(['fast=1:200:1', 'slow=1:200:1'])).message, /40000 combinations, more than 10000/);
});
