import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFillToAccount, emptyAccount, netPnl } from '../../actors/ledger/accounts.js';
import type { Fill } from '../../actors/ledger/types.js';

const fill = (side: 'buy' | 'sell', amount: number, price: number, fee = 0): Fill => ({
  fillId: `${side}${amount}@${price}`, clientOrderId: 'c', intentId: 'i', strategy: 's', venue: 'v', symbol: 'X/Y', side, price, amount, fee, liquidity: 'taker', ts: 0,
});

test('average cost: buys average in, a partial sell realizes against the average', () => {
  let a = emptyAccount();
  a = applyFillToAccount(a, fill('buy', 1, 100, 0.1));
  a = applyFillToAccount(a, fill('buy', 1, 110, 0.1));
  assert.equal(a.holdings['X/Y']!.avgPrice, 105);
  a = applyFillToAccount(a, fill('sell', 0.5, 120, 0.05));
  assert.equal(a.realized, 7.5);
  assert.equal(a.holdings['X/Y']!.qty, 1.5);
  assert.ok(Math.abs(a.fees - 0.25) < 1e-12);
  assert.ok(Math.abs(netPnl(a, { 'X/Y': 100 }) - (7.5 + 1.5 * -5 - 0.25)) < 1e-12);
});

test('a sell through zero realizes the long and opens a short at the fill price', () => {
  let a = applyFillToAccount(emptyAccount(), fill('buy', 1, 100));
  a = applyFillToAccount(a, fill('sell', 3, 90));
  assert.equal(a.realized, -10);
  assert.deepEqual(a.holdings['X/Y'], { qty: -2, avgPrice: 90 });
  a = applyFillToAccount(a, fill('buy', 2, 80));
  assert.equal(a.realized, -10 + 20);
  assert.deepEqual(a.holdings['X/Y'], { qty: 0, avgPrice: 0 });
});
