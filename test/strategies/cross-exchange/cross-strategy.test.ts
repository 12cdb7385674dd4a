import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { createLegRiskMachine, type LegRiskEmitted } from '../../../machines/leg-risk.machine.js';
import { crossPlanner } from '../../../actors/strategies/cross-exchange/cross-planner.js';
import { inventoryDrift } from '../../../actors/strategies/cross-exchange/inventory.js';
import type { OrderBook } from '../../../actors/market-data/types.js';

const book = (venue: string, bids: [number, number][], asks: [number, number][]): OrderBook => ({ venue, symbol: 'BTC/USDT', ts: 0, bids, asks });

test('two venues crossing: the strategy plans a buy and a sell leg sized to the profitable depth, each sent to risk', () => {
  const machine = createLegRiskMachine(crossPlanner({ strategy: 'xarb', symbol: 'BTC/USDT', venues: { a: 0.001, b: 0.001 }, minNetProfit: 1, maxAmount: 10, stepSize: 0.001 }));
  const actor = createActor(machine, { input: { strategy: 'xarb', groupId: '', legs: [], deadlineMs: 1000, hedgeDeadlineMs: 1000, policy: 'unwind', repeat: true } });
  const out: LegRiskEmitted[] = [];
  actor.on('*', (e) => out.push(e as LegRiskEmitted));
  actor.start();
  actor.send({ type: 'book.updated', book: book('a', [[99, 1]], [[100, 1], [101, 2], [103, 5]]) });
  assert.equal(out.length, 0, 'one venue alone cannot cross');
  actor.send({ type: 'book.updated', book: book('b', [[102, 1.5], [101.5, 1], [100, 4]], [[103, 1]]) });
  assert.deepEqual(out.map((e) => e.type === 'order.intents' && e.allOrNone), [true], 'both legs in one all-or-none batch');
  const intents = out.flatMap((e) => (e.type === 'order.intents' ? e.intents : []));
  assert.deepEqual(intents.map((i) => [i.venue, i.side, i.amount, i.price, i.legGroup, i.kind]), [
    ['a', 'buy', 2.5, 101, 'xarb-1', 'open'],
    ['b', 'sell', 2.5, 101.5, 'xarb-1', 'open'],
  ]);
  assert.ok(intents.every((i) => i.expectedProfit! > 0));
  // while the group is working, further crossings are not traded
  actor.send({ type: 'book.updated', book: book('b', [[102, 1.5]], [[103, 1]]) });
  assert.equal(out.flatMap((e) => (e.type === 'order.intents' ? e.intents : [])).length, 2);
});

test('no trade when the crossing nets less than the minimum', () => {
  const plan = crossPlanner({ strategy: 'x', symbol: 'BTC/USDT', venues: { a: 0.001, b: 0.001 }, minNetProfit: 100, maxAmount: 10 });
  plan(book('a', [[99, 1]], [[100, 1]]), 1);
  assert.equal(plan(book('b', [[102, 1]], [[103, 1]]), 1), undefined);
});

test('inventory drift: balanced → no proposal; base piled on one venue → transfers back to an even split', () => {
  assert.deepEqual(inventoryDrift([{ venue: 'a', base: 1, quote: 1000 }, { venue: 'b', base: 1, quote: 1000 }]).proposals, []);
  const r = inventoryDrift([{ venue: 'a', base: 1.8, quote: 200 }, { venue: 'b', base: 0.2, quote: 1800 }], 0.2);
  assert.ok(Math.abs(r.drift - 0.4) < 1e-12);
  assert.deepEqual(r.proposals.map((p) => [p.asset, p.from, p.to, Math.round(p.amount * 1000) / 1000]), [['base', 'a', 'b', 0.8], ['quote', 'b', 'a', 800]]);
});
