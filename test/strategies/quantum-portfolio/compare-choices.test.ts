import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareChoices } from '../../../actors/strategies/quantum-portfolio/compare-choices.js';
import type { RebalanceMessage } from '../../../actors/strategies/quantum-portfolio/messages.js';

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-9, `${what}: ${a} vs ${b}`);
const rebalance = (over: Partial<RebalanceMessage>): RebalanceMessage => ({
  strategy: 'qp', venue: 'replay', symbols: ['A', 'B', 'C'], ts: 0, index: 1, shots: 256, value: 100, orders: 2, closes: [10, 20, 40],
  qaoa: [1, 1, 0], exact: [1, 1, 0], qaoaObjective: -0.1, exactObjective: -0.1,
  probabilityOfOptimum: 0.5, uniformProbability: 1 / 3, approximationRatio: 0.8, ...over,
});

// Capital 1000, fee 1%, 100 per picked market. Rebalance 1 at closes [10, 20, 40], rebalance 2 at [20, 10, 40], marked at [25, 20, 20].
const REBALANCES = [
  rebalance({ ts: 1000, index: 1, closes: [10, 20, 40], qaoa: [1, 1, 0], exact: [1, 0, 1], qaoaObjective: -0.1, exactObjective: -0.2, orders: 2 }),
  rebalance({ ts: 2000, index: 2, closes: [20, 10, 40], qaoa: [0, 1, 1], exact: [0, 1, 1], qaoaObjective: -0.3 + 5e-13, exactObjective: -0.3, orders: 3 }),
];
const FINAL = [25, 20, 20];

test('P&L of the qaoa, exact and equal-weight portfolios, fees included', () => {
  const c = compareChoices(REBALANCES, FINAL, 1000, 0.01)!;
  // QAOA. 1: buy 10 A (100 + 1 fee), 5 B (100 + 1): cash 798. 2: sell 10 A at 20 (+200 − 2) → 996; buy 5 B at 10 (−50.5)
  // → 945.5; buy 2.5 C at 40 (−101) → 844.5. Held 10 B, 2.5 C: 200 + 50 at the end → 1094.5, P&L 94.5.
  near(c.pnl.qaoa, 94.5, 'qaoa');
  // Exact. 1: 10 A, 2.5 C → cash 798. 2: sell 10 A (+198) → 996; buy 10 B (−101) → 895; C already at 100. 895 + 250 → 145.
  near(c.pnl.exact, 145, 'exact');
  // Equal weight: 200 (B = 2 markets × 100) over 3 markets, 200/3 each. 1: cash 1000 − 200 · 1.01 = 798; held 20/3 A,
  // 10/3 B, 5/3 C. 2: A is worth 400/3, sell 200/3 (+200/3 · 0.99); B is worth 100/3, buy 100/3 (−100/3 · 1.01); C
  // unchanged. Cash 798 + 97/3; held 10/3 A, 20/3 B, 5/3 C → 250/3 + 400/3 + 100/3 = 250. P&L 48 + 97/3.
  near(c.pnl.equalWeight, 48 + 97 / 3, 'equal weight');
});

test('rows name the picks; optimal when the objectives tie within 1e-12 relative', () => {
  const c = compareChoices(REBALANCES, FINAL, 1000, 0.01)!;
  assert.equal(c.strategy, 'qp');
  assert.deepEqual(c.rebalances.map((r) => [r.ts, r.qaoa, r.exact, r.optimal, r.orders]), [
    [1000, ['A', 'B'], ['A', 'C'], false, 2],
    [2000, ['B', 'C'], ['B', 'C'], true, 3],
  ]);
  assert.equal(c.optimal, 1);
  const one = (qaoaObjective: number, exactObjective: number) => compareChoices([rebalance({ qaoaObjective, exactObjective })], FINAL, 1000, 0)!.rebalances[0]!.optimal;
  assert.equal(one(-0.3 + 2e-12, -0.3), false, 'beyond 1e-12 of max(1, |optimum|)');
  assert.equal(one(-1000 + 5e-10, -1000), true, 'relative to a large optimum: 1e-9 allowed');
  assert.equal(one(-1000 + 2e-9, -1000), false);
});

test('without fees, holding the same picks is re-weighted to equal value at each rebalance', () => {
  const same = [rebalance({ closes: [10, 20, 40] }), rebalance({ closes: [20, 10, 40] })];
  const c = compareChoices(same, FINAL, 1000, 0)!;
  // 10 A + 5 B; at 2 A is sold to 100 (5 A), B bought to 100 (10 B). End: 5 · 25 + 10 · 20 = 325; cash 1000 − 200 + 100 − 50 = 850.
  near(c.pnl.qaoa, 175, 'qaoa');
  near(c.pnl.exact, 175, 'exact');
});

test('no rebalances: nothing to compare', () => {
  assert.equal(compareChoices([], FINAL, 1000, 0.001), undefined);
});
