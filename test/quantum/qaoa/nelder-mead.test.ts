import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nelderMead } from '../../../actors/quantum/qaoa/nelder-mead.js';
import { interp } from '../../../actors/quantum/qaoa/optimise-angles.js';

test('Nelder–Mead finds the Rosenbrock minimum (1, 1) from (−1.2, 1) within its evaluation budget', () => {
  const rosenbrock = ([x, y]: number[]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2;
  const r = nelderMead(rosenbrock, [-1.2, 1], { step: 0.5, maxEvaluations: 2000, xTolerance: 1e-9, fTolerance: 1e-14 });
  assert.ok(Math.abs(r.x[0]! - 1) < 1e-5 && Math.abs(r.x[1]! - 1) < 1e-5, `${r.x}`);
  assert.ok(r.evaluations <= 2000 && r.evaluations > 50, `${r.evaluations}`);
});

test('Nelder–Mead stops at its evaluation budget', () => {
  let calls = 0;
  nelderMead(([x]) => (calls++, (x! - 3) ** 2), [0], { step: 0.01, maxEvaluations: 20 });
  assert.ok(calls <= 22, `${calls}`); // the last step may add one expansion or contraction point
});

test('INTERP stretches p angles to p + 1: (1, 2) → (1, 1.5, 2); (0.4) → (0.4, 0.4)', () => {
  assert.deepEqual(interp([1, 2]), [1, 1.5, 2]);
  assert.deepEqual(interp([0.4]), [0.4, 0.4]);
});
