import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLayers } from '../../../actors/quantum/qaoa/ansatz.js';
import { solveQubo } from '../../../actors/quantum/qaoa/solve-qubo.js';
import { StateVector } from '../../../actors/quantum/sim/state-vector.js';
import type { Qubo } from '../../../actors/quantum/qubo.js';

/** ⟨C⟩ at p = 1 for MaxCut on one edge, C = the cut (1 on |01⟩, |10⟩), with exp(−iγC) then exp(−iβ ΣX). */
function oneEdge(gamma: number, beta: number): number {
  const cut = Float64Array.from([0, 1, 1, 0]);
  const s = StateVector.plus(2);
  applyLayers(s, cut, 'x', [gamma], [beta]);
  return s.expectation(cut);
}

test('MaxCut on one edge, p = 1: ⟨C⟩ = ½ + ½ sin 4β sin γ, so exactly 1 at γ = π/2, β = π/8, ½ at β = 0', () => {
  assert.ok(Math.abs(oneEdge(Math.PI / 2, Math.PI / 8) - 1) < 1e-12, `${oneEdge(Math.PI / 2, Math.PI / 8)}`);
  assert.ok(Math.abs(oneEdge(Math.PI / 2, 0) - 0.5) < 1e-12);
  for (const [g, b] of [[0.3, 0.2], [1.1, -0.4], [2.5, 0.7]] as const) {
    assert.ok(Math.abs(oneEdge(g, b) - (0.5 + 0.5 * Math.sin(4 * b) * Math.sin(g))) < 1e-12, `${g}, ${b}`);
  }
});

/** Minimise −cut on the n-ring: −Σ_edges (x_i + x_j − 2x_i x_j), unconstrained (penalty 0). */
function ringMaxCut(n: number): Qubo {
  const Q = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const c = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    c[i]! -= 1;
    c[j]! -= 1;
    Q[i]![j]! += 1;
    Q[j]![i]! += 1;
  }
  return { n, Q, c, offset: 0 };
}

test('ring MaxCut, n = 6 and 8, p = 1 optimised: the expected cut is 0.75 of the maximum n (at γ = π/4)', () => {
  for (const n of [6, 8]) {
    const r = solveQubo(ringMaxCut(n), { layers: 1, mixer: 'x', budget: n / 2, penalty: 0, seed: 1 });
    assert.ok(Math.abs(-r.energy / n - 0.75) < 1e-6, `n=${n}: ${-r.energy / n}`);
    assert.ok(Math.abs(Math.abs(r.angles.gamma[0]!) - Math.PI / 4) < 1e-4, `γ = ${r.angles.gamma[0]}`);
    assert.deepEqual(r.best.objective, -n, 'a sampled alternating cut');
  }
});
