import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorHost } from '../../actors/backtest/actor-host.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import type { Approval } from '../../actors/risk/approval.js';
import type { OrderIntent } from '../../actors/risk/intent.js';

const T0 = Date.UTC(2021, 1, 19, 0, 0, 0);

test('the replay host subscribes risk to market.toxicity: a published VPIN of 0.7 halves the next open that reaches the venue', async () => {
  const clock = new SimulatedClock(T0);
  const submitted: Array<[string, number]> = [];
  const host = new ActorHost({
    clock, strategies: [], capital: 100_000, riskLimits: { toxicPercentile: 0.6, toxicSizeFactor: 0.5, maxPositionFraction: 1 },
    submit: (intent, amount) => submitted.push([intent.intentId, amount]),
  });
  const approvals: Approval[] = [];
  host.system.observe((m) => {
    if (m.type === 'orders.approved') approvals.push(...m.approvals);
  });
  const intent = (intentId: string): OrderIntent => ({ intentId, strategy: 'probe', venue: 'replay', symbol: 'BTC/USDT', side: 'buy', kind: 'open', type: 'market', amount: 0.2, price: 50_000 });
  host.deliver({ type: 'candle.closed', venue: 'replay', symbol: 'BTC/USDT', candle: { ts: T0 - 60_000, open: 50_000, high: 50_100, low: 49_900, close: 50_000, volume: 10 } });
  host.deliver({ type: 'order.intents', intents: [intent('probe-1')] });
  clock.advance(1_000);
  host.deliver({ type: 'market.toxicity', venue: 'replay', symbol: 'BTC/USDT', vpin: 0.7, percentile: 0.7 });
  host.deliver({ type: 'order.intents', intents: [intent('probe-2')] });
  await host.whenQuiescent();
  assert.deepEqual(submitted, [['probe-1', 0.2], ['probe-2', 0.1]]);
  assert.match(approvals[1]?.clips?.[0] ?? '', /^TOXIC_FLOW: BTC\/USDT on replay VPIN 0.7 at percentile 0.7 ≥ 0.6 \(0 ms old\)/);
  await host.stop();
});
