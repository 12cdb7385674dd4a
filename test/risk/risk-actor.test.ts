import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorSystem } from '../../actors/runtime/system.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import type { Approval } from '../../actors/risk/approval.js';
import type { OrderIntent } from '../../actors/risk/intent.js';
import { riskActor } from '../../actors/risk/risk-actor.js';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);

test('the risk actor of the paper and live trees takes market.toxicity from the bus and clips the next open by it', async () => {
  const clock = new SimulatedClock(T0);
  const system = new ActorSystem({ clock, dispatcher: 'replay' });
  system.spawn({ ...riskActor({ capital: 100_000, limits: { toxicPercentile: 0.6, toxicSizeFactor: 0.5, maxPositionFraction: 1 }, startTs: T0 }), persist: false });
  const approvals: Approval[] = [];
  system.observe((m) => {
    if (m.type === 'orders.approved') approvals.push(...m.approvals);
  });
  const intent: OrderIntent = { intentId: 'mm-1', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'sell', kind: 'open', type: 'limit', amount: 0.4, price: 5_000 };
  system.publish({ type: 'book.updated', book: { venue: 'paper', symbol: 'BTC/USDT', ts: T0, bids: [[4_999.5, 5]], asks: [[5_000.5, 5]] } });
  system.publish({ type: 'market.toxicity', venue: 'paper', symbol: 'BTC/USDT', vpin: 0.65, percentile: 0.65 });
  clock.advance(10);
  system.publish({ type: 'order.intents', intents: [intent] });
  await system.whenQuiescent();
  assert.deepEqual(approvals.map((a) => a.amount), [0.2]);
  await system.shutdown();
});
