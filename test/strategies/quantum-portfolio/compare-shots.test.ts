import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareChoices } from '../../../actors/strategies/quantum-portfolio/compare-choices.js';
import type { RebalanceMessage } from '../../../actors/strategies/quantum-portfolio/messages.js';

const rebalance = (over: Partial<RebalanceMessage>): RebalanceMessage => ({
  ts: 0, strategy: 'q', venue: 'replay', symbols: ['A/BTC', 'B/BTC'], closes: [1, 2], value: 0.5, orders: 1, shots: 3, index: 1,
  qaoa: [1, 0], exact: [0, 1], qaoaObjective: -1, exactObjective: -2, probabilityOfOptimum: 0.5, uniformProbability: 0.5, approximationRatio: 0.5,
  ...over,
});

test('each row: the chance that `shots` measurements, or as many uniform picks, contain an optimum', () => {
  const c = compareChoices([
    rebalance({ probabilityOfOptimum: 0.5, uniformProbability: 0.25 }),
    rebalance({ ts: 1, probabilityOfOptimum: 1, uniformProbability: 0, shots: 256 }),
    rebalance({ ts: 2, probabilityOfOptimum: 1e-20, uniformProbability: 0.5, shots: 1 }),
  ], [2, 2], 1, 0)!;
  const [a, b, d] = c.rebalances;
  assert.equal(a!.shots, 3);
  assert.equal(a!.optimumInShots, 1 - 0.5 ** 3);
  assert.ok(Math.abs(a!.uniformOptimumInShots - (1 - 0.75 ** 3)) < 1e-15);
  assert.deepEqual([b!.optimumInShots, b!.uniformOptimumInShots], [1, 0]);
  assert.deepEqual([d!.optimumInShots, d!.uniformOptimumInShots], [1e-20, 0.5], 'a tiny p is not rounded away');
});

