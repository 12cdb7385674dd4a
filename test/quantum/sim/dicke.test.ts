import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dickeCircuit } from '../../../actors/quantum/qaoa/dicke-circuit.js';
import { applyCircuit } from '../../../actors/quantum/sim/circuit.js';
import { dickeState, popcount } from '../../../actors/quantum/sim/dicke.js';
import { StateVector } from '../../../actors/quantum/sim/state-vector.js';

test('|D(4, 2)⟩ has amplitude 1/√6 on the six weight-2 states and 0 elsewhere', () => {
  const d = dickeState(4, 2);
  for (let k = 0; k < 16; k++) assert.ok(Math.abs(d.re[k]! - (popcount(k) === 2 ? 1 / Math.sqrt(6) : 0)) < 1e-15, `index ${k}`);
});

test('the Bärtschi–Eidenbenz gate construction prepares exactly |D(n, k)⟩ (no phase) for every k at n ≤ 6', () => {
  for (let n = 1; n <= 6; n++) {
    for (let k = 0; k <= n; k++) {
      const s = StateVector.zero(n);
      applyCircuit(s, dickeCircuit(n, k));
      const d = dickeState(n, k);
      for (let i = 0; i < s.size; i++) {
        assert.ok(Math.abs(s.re[i]! - d.re[i]!) < 1e-12 && Math.abs(s.im[i]!) < 1e-12, `n=${n} k=${k} index ${i}: ${s.re[i]} + ${s.im[i]}i`);
      }
    }
  }
});
