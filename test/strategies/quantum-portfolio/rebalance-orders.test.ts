import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rebalanceOrders, targetValue, type RebalanceBook } from '../../../actors/strategies/quantum-portfolio/rebalance-orders.js';

const near = (a: number, b: number, what: string, eps = 1e-9) => assert.ok(Math.abs(a - b) <= eps, `${what}: ${a} vs ${b}`);
const book = (over: Partial<RebalanceBook>): RebalanceBook => ({
  strategy: 'qp', session: 's1', venue: 'replay', symbols: ['A', 'B', 'C', 'D'], holdings: [0, 0, 0, 0], cash: 1000, feeRate: 0.001, seq: 0, ...over,
});
const CLOSES = [10, 20, 50, 4];

test('target value: fraction of capital split over B, capped so that the position at the buy\'s limit is within one position\'s limit', () => {
  assert.equal(targetValue(1000, 0.9, 3, 0.5), 1000 * 0.3); // 0.9 / 3 = 0.3 < 0.5
  near(targetValue(1000, 0.9, 3, 0.25), 250, 'capped', 1e-6);
  assert.ok(targetValue(1000, 0.9, 3, 0.25) < 250, 'never exactly at the cap');
  near(targetValue(2000, 0.8, 2, 0.4), 800, 'at the cap', 1e-6);
  near(targetValue(1000, 0.9, 3, 0.25, 0.02), 250 / 1.02, 'worth 250 at 2% over the close', 1e-6);
  assert.ok(targetValue(1000, 0.9, 3, 0.25, 0.02) * 1.02 <= 250);
});

test('market sells first (a market leaving the selection sold entirely, even below minTrade), then limit buys; ids continue from seq', () => {
  // A: 10 held, leaves → sell 10. B: 5 held (100), target 150 → buy 2.5. C: 0.01 held (0.5 < minTrade 5), leaves → sell 0.01.
  // D: target 150 / 4 = 37.5 → buy. Proceeds 100.5 · 0.999 plus cash 700 cover the buys' 200 · 1.001: no scaling.
  const intents = rebalanceOrders(book({ holdings: [10, 5, 0.01, 0], cash: 700, seq: 7 }), CLOSES, [0, 1, 0, 1], 150, 5);
  assert.deepEqual(
    intents.map((i) => [i.intentId, i.symbol, i.side, i.kind, i.type, i.amount, i.price]),
    [
      ['qp-s1-8', 'A', 'sell', 'reduce', 'market', 10, 10],
      ['qp-s1-9', 'C', 'sell', 'reduce', 'market', 0.01, 50],
      ['qp-s1-10', 'B', 'buy', 'open', 'limit', 2.5, 20],
      ['qp-s1-11', 'D', 'buy', 'open', 'limit', 37.5, 4],
    ],
  );
  for (const i of intents) assert.deepEqual([i.strategy, i.venue], ['qp', 'replay']);
});

test('a selected market over its target is reduced to it; deltas worth less than minTrade are skipped', () => {
  // A: 20 held (200), target 150 → sell 5. B: 7.45 held, target 7.5: 0.05 · 20 = 1 < 5 → skipped.
  // D: 38 held (152), target 37.5: 0.5 · 4 = 2 < 5 → skipped (over target, still selected).
  const intents = rebalanceOrders(book({ holdings: [20, 7.45, 0, 38] }), CLOSES, [1, 1, 0, 1], 150, 5);
  assert.equal(intents.length, 1);
  assert.deepEqual([intents[0]!.symbol, intents[0]!.side, intents[0]!.kind, intents[0]!.intentId], ['A', 'sell', 'reduce', 'qp-s1-1']);
  near(intents[0]!.amount, 5, 'sold down to the target');
  assert.deepEqual(rebalanceOrders(book({ holdings: [0, 7.45, 0, 38] }), CLOSES, [0, 1, 0, 1], 150, 5), [], 'nothing worth trading');
});

test('buys are scaled down to fit cash plus the sells\' proceeds, net of fees', () => {
  // Cash 50; selling A (10 at 10) brings 100 · 0.999 = 99.9: room 149.9. Buys B 7.5 (150) and D 37.5 (150) cost
  // 300 · 1.001 = 300.3, so each is scaled by 149.9 / 300.3.
  const intents = rebalanceOrders(book({ holdings: [10, 0, 0, 0], cash: 50 }), CLOSES, [0, 1, 0, 1], 150, 5);
  assert.deepEqual(intents.map((i) => `${i.side} ${i.symbol}`), ['sell A', 'buy B', 'buy D']);
  const scale = 149.9 / 300.3;
  near(intents[1]!.amount, 7.5 * scale, 'B');
  near(intents[2]!.amount, 37.5 * scale, 'D');
  const spent = intents.slice(1).reduce((a, i) => a + i.amount * i.price * 1.001, 0);
  near(spent, 50 + 99.9, 'the buys and their fees use exactly the room');
});

test('buys are limit orders maxSlippage over the close, sized at the close, and their cost is counted at the limit', () => {
  // Room 200: B 7.5 and D 37.5 (150 each at the close) cost 300 · 1.02 · 1.001 at their limits, so each is scaled by
  // 200 / 306.306.
  const intents = rebalanceOrders(book({ cash: 200 }), CLOSES, [0, 1, 0, 1], 150, 5, 0.02);
  assert.deepEqual(intents.map((i) => [i.symbol, i.side, i.type]), [['B', 'buy', 'limit'], ['D', 'buy', 'limit']]);
  near(intents[0]!.price, 20 * 1.02, 'B limit');
  near(intents[1]!.price, 4 * 1.02, 'D limit');
  const scale = 200 / (300 * 1.02 * 1.001);
  near(intents[0]!.amount, 7.5 * scale, 'B');
  near(intents[1]!.amount, 37.5 * scale, 'D');
  near(intents.reduce((a, i) => a + i.amount * i.price * 1.001, 0), 200, 'the buys at their limits, with fees, use exactly the room');
});

test('a buy scaled below minTrade is dropped; with no room at all there are no buys', () => {
  // Room 10: B and D (150 each, 300.3 with fees) scale to 10 / 300.3 of themselves: about 5 each. minTrade 6 drops both.
  assert.deepEqual(rebalanceOrders(book({ cash: 10 }), CLOSES, [0, 1, 0, 1], 150, 6), []);
  assert.deepEqual(rebalanceOrders(book({ cash: -5 }), CLOSES, [0, 1, 0, 1], 150, 0), []);
});
