import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choiceLines } from '../../../actors/strategies/quantum-portfolio/choice-lines.js';
import type { ChoiceComparison, RebalanceRow } from '../../../actors/strategies/quantum-portfolio/compare-choices.js';

const row = (over: Partial<RebalanceRow>): RebalanceRow => ({
  ts: Date.UTC(2018, 0, 10, 13, 20), qaoa: ['ETH/BTC', 'LTC/BTC'], exact: ['ETH/BTC', 'LTC/BTC'], optimal: true, qaoaObjective: -2, exactObjective: -2,
  probabilityOfOptimum: 0.61234, uniformProbability: 1 / 3, approximationRatio: 0.95, orders: 2, shots: 8, optimumInShots: 0.99949, uniformOptimumInShots: 0.96098,
  ...over,
});

const comparison: ChoiceComparison = {
  strategy: 'qp',
  rebalances: [
    row({}),
    row({ ts: Date.UTC(2018, 0, 11, 6, 0), qaoa: ['ADA/BTC', 'ETH/BTC'], optimal: false, qaoaObjective: -1.5, probabilityOfOptimum: 0.2, optimumInShots: 0.83223, approximationRatio: 0.7, orders: 0 }),
  ],
  optimal: 1,
  pnl: { qaoa: 0.0123456, exact: -0.002, equalWeight: 0.0005 },
};

const cells = (line: string) => line.trim().split(/\s{2,}/);

test('one line per rebalance: time, QAOA, the optimum or "same", P(optimum) beside uniform, in shots, ratio, orders', () => {
  const lines = choiceLines(comparison, 0.0201);
  assert.equal(lines[0], 'qp: QAOA\'s pick beside the brute-force optimum at each rebalance');
  assert.equal(lines[1], 'QAOA here is a classical state-vector simulation of a quantum algorithm (no quantum hardware).');
  assert.deepEqual(cells(lines[2]!), ['time (UTC)', 'QAOA', 'exact optimum', 'P(optimum)', 'uniform', 'QAOA, 8 shots', 'uniform, 8 picks', 'approx. ratio', 'orders']);
  assert.deepEqual(cells(lines[3]!), ['2018-01-10 13:20', 'ETH/BTC,LTC/BTC', 'same', '0.6123', '0.3333', '0.9995', '0.9610', '0.9500', '2']);
  assert.deepEqual(cells(lines[4]!), ['2018-01-11 06:00', 'ADA/BTC,ETH/BTC', 'ETH/BTC,LTC/BTC', '0.2000', '0.3333', '0.8322', '0.9610', '0.7000', '0']);
  assert.equal(new Set(lines.slice(2, 5).map((l) => l.length)).size, 1, 'columns aligned');
});

test('the P&L block: own fills beside the QAOA, exact-optimum and equal-weight portfolios, then how often QAOA was optimal', () => {
  const lines = choiceLines(comparison, 0.0201);
  const at = lines.findIndex((l) => l.startsWith('P&L, quote currency'));
  assert.ok(at > 4);
  assert.deepEqual(lines.slice(at + 1, at + 5).map(cells), [
    ['strategy (own fills)', '0.020100'],
    ["QAOA's picks", '0.012346'],
    ['exact optima', '-0.002000'],
    ['equal weight', '0.000500'],
  ]);
  assert.equal(lines.at(-1), 'QAOA picked an optimum in 1 of 2 rebalances');
});
