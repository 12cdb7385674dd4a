import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from 'xstate';
import { ActorSystem } from '../../../actors/runtime/system.js';
import { SimulatedClock } from '../../../actors/runtime/clock.js';
import type { Message } from '../../../actors/runtime/messages.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import type { Fill, OrderUpdate } from '../../../actors/ledger/types.js';
import { OperatorMetrics } from '../../../supervisors/operator/operator-metrics.js';
import { sessionCounters } from '../../../supervisors/session-counters.js';
import { counterMachine } from '../../support/counter-machine.js';

/** Risk reduced to its states: HALTED on `risk.halt`. */
const riskStates = setup({ types: { events: {} as Message } }).createMachine({
  id: 'risk',
  initial: 'ACTIVE',
  states: { ACTIVE: { on: { 'risk.halt': 'HALTED' } }, HALTED: {} },
});

function update(clientOrderId: string, status: OrderUpdate['status']): OrderUpdate {
  return { clientOrderId, intentId: `i-${clientOrderId}`, strategy: 's', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', status, filled: 0, amount: 1 };
}

function fill(fillId: string, clientOrderId: string): Fill {
  return { fillId, clientOrderId, intentId: `i-${clientOrderId}`, strategy: 's', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', price: 100, amount: 1, fee: 0.1, liquidity: 'maker', ts: 0 };
}

const intent: OrderIntent = { intentId: 'x', strategy: 's', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', kind: 'open', type: 'limit', amount: 1, price: 100 };

/** The value of one sample line of the exposition, e.g. `arbiter_orders_total{family="f"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test('the registry counts orders, fills, vetoes, restarts and dead letters of a real actor system, and reads its mailboxes, risk state, equity and latency', async () => {
  // A restart waits a minute: what reaches the restarted actor meanwhile stays in its mailbox.
  const system = new ActorSystem({ clock: new SimulatedClock(0), rootPolicy: { maxRestarts: 10, backoff: { minMs: 60_000, maxMs: 60_000, jitter: 0 } } });
  system.spawn({ name: 'risk', machine: riskStates });
  system.spawn({ name: 'counter', machine: counterMachine });
  system.publish({ type: 'test.count', n: 1, to: 'counter' });
  await system.whenQuiescent();

  let equity = 1_000;
  const metrics = new OperatorMetrics();
  const other = new OperatorMetrics();
  metrics.watch({ family: 'mm', system, capital: 1_000, equity: () => equity, counts: sessionCounters(system).read });

  let text = await metrics.registry.metrics();
  assert.equal(sample(text, 'arbiter_orders_total{family="mm"}'), 0, 'series exist before the first order');
  assert.equal(sample(text, 'arbiter_fills_total{family="mm"}'), 0);
  assert.equal(sample(text, 'arbiter_risk_state{family="mm"}'), 0, 'ACTIVE');
  assert.equal(sample(text, 'arbiter_pnl{family="mm"}'), 0);

  system.publish({ type: 'orders.updated', updates: [update('a', 'submitted'), update('b', 'submitted')], fills: [] });
  system.publish({ type: 'orders.updated', updates: [update('a', 'filled')], fills: [fill('f1', 'a')] });
  system.publish({ type: 'orders.updated', updates: [update('c', 'filled'), update('b', 'cancelled')], fills: [fill('f2', 'c'), fill('f3', 'c')] });
  system.publish({ type: 'orders.denied', denials: [{ intent, reason: 'POSITION_LIMIT', detail: '' }, { intent, reason: 'POSITION_LIMIT', detail: '' }, { intent, reason: 'HALTED', detail: '' }] });
  system.publish({ type: 'risk.halt', reason: 'test', to: 'risk' });
  for (const n of [2, 3, 4]) system.publish({ type: 'test.count', n, to: 'counter' });
  await system.whenQuiescent();
  system.publish({ type: 'test.boom', why: 'test', to: 'counter' });
  await system.whenQuiescent();
  for (const n of [5, 6, 7, 8]) system.publish({ type: 'test.count', n, to: 'counter' });
  system.publish({ type: 'test.count', n: 9, to: 'nobody' });
  equity = 1_042.5;

  text = await metrics.registry.metrics();
  assert.equal(sample(text, 'arbiter_orders_total{family="mm"}'), 3, 'a, b and c, each once');
  assert.equal(sample(text, 'arbiter_fills_total{family="mm"}'), 3);
  assert.equal(sample(text, 'arbiter_vetoes_total{family="mm",reason="POSITION_LIMIT"}'), 2);
  assert.equal(sample(text, 'arbiter_vetoes_total{family="mm",reason="HALTED"}'), 1);
  assert.equal(sample(text, 'arbiter_actor_restarts_total{family="mm",actor="counter"}'), 1);
  assert.equal(sample(text, 'arbiter_actor_restarts_total{family="mm",actor="risk"}'), 0);
  assert.equal(sample(text, 'arbiter_dead_letters_total{family="mm"}'), 2, 'the message that crashed the counter, and the one to nobody');
  assert.equal(sample(text, 'arbiter_mailbox_depth{family="mm",actor="counter"}'), 4, 'stashed during the restart backoff');
  assert.equal(sample(text, 'arbiter_mailbox_depth{family="mm",actor="risk"}'), 0);
  assert.equal(sample(text, 'arbiter_risk_state{family="mm"}'), 2, 'HALTED');
  assert.equal(sample(text, 'arbiter_equity{family="mm"}'), 1_042.5);
  assert.equal(sample(text, 'arbiter_pnl{family="mm"}'), 42.5);
  // Handled after the watch began: three counts (the one before it is not timed; the crash is not a handling).
  assert.equal(sample(text, 'arbiter_message_latency_seconds_count{family="mm",actor="counter"}'), 3);
  assert.equal(sample(text, 'arbiter_message_latency_seconds_bucket{le="+Inf",family="mm",actor="counter"}'), 3);
  assert.equal(sample(text, 'arbiter_message_latency_seconds_count{family="mm",actor="risk"}'), 1);
  assert.ok(sample(text, 'arbiter_message_latency_seconds_sum{family="mm",actor="counter"}')! > 0);

  // A second scrape counts nothing twice; the other registry saw nothing.
  const again = await metrics.registry.metrics();
  assert.equal(sample(again, 'arbiter_actor_restarts_total{family="mm",actor="counter"}'), 1);
  assert.equal(sample(again, 'arbiter_dead_letters_total{family="mm"}'), 2);
  assert.equal(sample(await other.registry.metrics(), 'arbiter_orders_total{family="mm"}'), undefined);
  await system.shutdown();
});
