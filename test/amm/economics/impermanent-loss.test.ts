import { test } from 'node:test';
import assert from 'node:assert/strict';
import { impermanentLoss, rangeImpermanentLoss } from '../../../actors/amm/economics/impermanent-loss.js';
import { rangeAmounts } from '../../../actors/amm/economics/range-amounts.js';
import { InputError } from '../../../actors/runtime/errors.js';

const close = (actual: number, expected: number, tol = 1e-9) => assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected} (±${tol})`);

test('full-range IL: the textbook numbers, zero at r = 1, symmetric in r ↔ 1/r', () => {
  close(impermanentLoss(1), 0);
  close(impermanentLoss(2), -0.0571909584, 1e-9);
  close(impermanentLoss(4), -0.2, 1e-12);
  close(impermanentLoss(9), -0.4, 1e-12);
  for (const r of [1.01, 1.5, 2, 3.7, 10, 100]) close(impermanentLoss(r), impermanentLoss(1 / r), 1e-12);
  for (const r of [0.1, 0.5, 0.99, 1.01, 2, 50]) assert.ok(impermanentLoss(r) < 0);
  assert.throws(() => impermanentLoss(0), InputError);
  assert.throws(() => impermanentLoss(-2), InputError);
});

test('range amounts: all x below the range, all y above, the V3 formulas inside', () => {
  assert.deepEqual(rangeAmounts(1, 0.1, 0.25, 4), { x: 1 / 0.5 - 1 / 2, y: 0 });
  assert.deepEqual(rangeAmounts(1, 9, 0.25, 4), { x: 0, y: 2 - 0.5 });
  const inside = rangeAmounts(2, 1, 0.25, 4);
  close(inside.x, 2 * (1 - 0.5));
  close(inside.y, 2 * (1 - 0.5));
  const full = rangeAmounts(3, 2000, 0, Infinity);
  close(full.x, 3 / Math.sqrt(2000));
  close(full.y, 3 * Math.sqrt(2000));
});

test('concentrated IL: full range reproduces IL(r); hand-worked values inside and outside the range', () => {
  for (const r of [0.3, 1, 2, 4]) close(rangeImpermanentLoss({ p0: 1, p1: r, lower: 0, upper: Infinity }), impermanentLoss(r), 1e-12);
  // [0.25, 4] around p0 = 1, price to 2: LP 2√2 − 0.5 − 2/2 = 1.328427, hold 0.5·2 + 0.5 = 1.5 → −0.114382 (twice IL(2)).
  close(rangeImpermanentLoss({ p0: 1, p1: 2, lower: 0.25, upper: 4 }), 1.3284271247 / 1.5 - 1, 1e-9);
  close(rangeImpermanentLoss({ p0: 1, p1: 2, lower: 0.25, upper: 4 }), 2 * impermanentLoss(2), 1e-12);
  // Out of range above: all y, L(√pb − √pa) = 1.5 against hold 0.5·9 + 0.5 = 5 → −0.7 (full range: −0.4).
  close(rangeImpermanentLoss({ p0: 1, p1: 9, lower: 0.25, upper: 4 }), -0.7, 1e-12);
  // Out of range below: all x, 1/√pa − 1/√pb = 1.5 units of x at 0.01 against hold 0.5·0.01 + 0.5.
  close(rangeImpermanentLoss({ p0: 1, p1: 0.01, lower: 0.25, upper: 4 }), (1.5 * 0.01) / (0.5 * 0.01 + 0.5) - 1, 1e-12);
});

test('concentrated IL inside the range: IL(r)·(1+r)/(1+r − √(pa/p0) − r√(p0/pb)), larger than full range', () => {
  const p0 = 2000;
  for (const [lower, upper] of [[1500, 2600], [1900, 2100], [1000, 2200]] as const) {
    for (const p1 of [lower * 1.01, 1950, 2050, upper * 0.99]) {
      const r = p1 / p0;
      const il = rangeImpermanentLoss({ p0, p1, lower, upper });
      const closed = (impermanentLoss(r) * (1 + r)) / (1 + r - Math.sqrt(lower / p0) - r * Math.sqrt(p0 / upper));
      close(il, closed, 1e-12);
      assert.ok(il < impermanentLoss(r), `range [${lower}, ${upper}] at ${p1}: ${il} not worse than full range ${impermanentLoss(r)}`);
    }
  }
});

test('concentrated IL tends to full range as the range widens', () => {
  const full = impermanentLoss(1.3);
  let previousGap = Infinity;
  for (const k of [2, 10, 100, 1e4, 1e8]) {
    const gap = Math.abs(rangeImpermanentLoss({ p0: 1, p1: 1.3, lower: 1 / k, upper: k }) - full);
    assert.ok(gap < previousGap, `width ${k}: gap ${gap} did not shrink`);
    previousGap = gap;
  }
  assert.ok(previousGap < 1e-5, `gap at width 1e8: ${previousGap}`);
});

test('concentrated IL names bad input', () => {
  assert.throws(() => rangeImpermanentLoss({ p0: 1, p1: 2, lower: 4, upper: 0.25 }), (e: unknown) => e instanceof InputError && /range/.test(e.message));
  assert.throws(() => rangeImpermanentLoss({ p0: 0, p1: 2, lower: 0.25, upper: 4 }), (e: unknown) => e instanceof InputError && /p0/.test(e.message));
});
