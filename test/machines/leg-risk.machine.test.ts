import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor, SimulatedClock } from 'xstate';
import { legRiskMachine, type LegRiskEmitted, type LegRiskInput } from '../../machines/leg-risk.machine.js';
import type { Fill, OrderStatus } from '../../actors/ledger/types.js';
import type { OrderIntent } from '../../actors/risk/intent.js';

const input = (over: Partial<LegRiskInput> = {}): LegRiskInput => ({
  groupId: 'tri-1', strategy: 'triangular', deadlineMs: 1000, hedgeDeadlineMs: 2000, policy: 'unwind',
  legs: [
    { venue: 'local', symbol: 'BTC/USDT', side: 'buy', amount: 0.1, price: 10_000 },
    { venue: 'local', symbol: 'ETH/BTC', side: 'buy', amount: 3, price: 0.033 },
    { venue: 'local', symbol: 'ETH/USDT', side: 'sell', amount: 3, price: 340 },
  ],
  ...over,
});

/** Emissions with each `order.intents` batch opened into its intents. */
type Seen = { type: 'intent'; intent: OrderIntent; allOrNone: boolean } | Exclude<LegRiskEmitted, { type: 'order.intents' }>;

function start(over: Partial<LegRiskInput> = {}) {
  const clock = new SimulatedClock();
  const actor = createActor(legRiskMachine, { clock, input: input(over) });
  const out: LegRiskEmitted[] = [];
  actor.on('*', (e) => out.push(e as LegRiskEmitted));
  actor.start();
  const take = (): Seen[] =>
    out.splice(0).flatMap((e): Seen[] => (e.type === 'order.intents' ? e.intents.map((intent) => ({ type: 'intent' as const, intent, allOrNone: e.allOrNone === true })) : [e]));
  return { actor, clock, out, take, state: () => JSON.stringify(actor.getSnapshot().value) };
}

let n = 0;
const fill = (intentId: string, symbol: string, side: 'buy' | 'sell', amount: number, price: number, fillId = `f${++n}`): Fill => ({
  fillId, clientOrderId: `${intentId}.c`, intentId, strategy: 'triangular', venue: 'local', symbol, side, price, amount, fee: 0, liquidity: 'taker', ts: 1,
});
const update = (intentId: string, status: OrderStatus, filled = 0) => ({
  type: 'orders.updated' as const,
  updates: [{ clientOrderId: `${intentId}.c`, intentId, strategy: 'triangular', venue: 'local', symbol: 'X/Y', side: 'buy' as const, status, filled, amount: 1 }],
  fills: [],
});

test('the legs go to risk as one all-or-none order.intents batch; all filled → completed with realised P&L per currency', () => {
  const { actor, out, take, state } = start();
  actor.send({ type: 'legs.submit', groupId: 'tri-1' });
  assert.deepEqual(out.map((e) => e.type), ['order.intents'], 'one decision, one message');
  const intents = take();
  assert.deepEqual(intents.map((e) => e.type === 'intent' && [e.intent.intentId, e.intent.kind, e.intent.legGroup, e.allOrNone]), [
    ['tri-1.L0', 'open', 'tri-1', true], ['tri-1.L1', 'open', 'tri-1', true], ['tri-1.L2', 'open', 'tri-1', true],
  ]);
  actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.L0', 'BTC/USDT', 'buy', 0.1, 10_000)] });
  actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.L1', 'ETH/BTC', 'buy', 3, 0.033)] });
  actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.L2', 'ETH/USDT', 'sell', 3, 340)] });
  assert.equal(state(), '"completed"');
  const [outcome] = take();
  assert.equal(outcome?.type, 'arb.outcome');
  if (outcome?.type !== 'arb.outcome') return;
  assert.equal(outcome.outcome, 'completed');
  assert.ok(Math.abs(outcome.pnl.USDT! - (1020 - 1000)) < 1e-9);
  assert.ok(Math.abs(outcome.pnl.BTC! - (0.1 - 0.099)) < 1e-12);
  assert.ok(Math.abs(outcome.pnl.ETH!) < 1e-12);
});

test('a partial at the deadline: the working legs are cancelled, then what filled is unwound at market', () => {
  const { actor, clock, take, state } = start();
  actor.send({ type: 'legs.submit', groupId: 'tri-1' });
  take();
  actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.L0', 'BTC/USDT', 'buy', 0.1, 10_000)] });
  actor.send(update('tri-1.L1', 'submitted'));
  clock.increment(1000);
  assert.equal(state(), '"resolving"');
  const cancels = take();
  assert.deepEqual(cancels.map((e) => e.type === 'intent' && [e.intent.kind, e.intent.cancelClientOrderId]), [['cancel', 'tri-1.L1.c']]);
  actor.send(update('tri-1.L2', 'submitted'));
  assert.deepEqual(take().map((e) => e.type === 'intent' && e.intent.cancelClientOrderId), ['tri-1.L2.c'], 'cancelled once its id is known');
  actor.send(update('tri-1.L1', 'cancelled'));
  assert.deepEqual(take(), [], 'never cancelled twice');
  actor.send({ type: 'orders.denied', denials: [{ intent: { intentId: 'tri-1.L2' } as never, reason: 'STALE_MARKET_DATA', detail: 'stale' }] });
  assert.match(state(), /hedging/);
  const hedges = take();
  assert.deepEqual(hedges.map((e) => e.type === 'intent' && [e.intent.intentId, e.intent.symbol, e.intent.side, e.intent.amount, e.intent.kind, e.intent.type]), [
    ['tri-1.H0', 'BTC/USDT', 'sell', 0.1, 'reduce', 'market'],
  ]);
  actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.H0', 'BTC/USDT', 'sell', 0.1, 9990)] });
  assert.equal(state(), '"hedged"');
  const [out] = take();
  assert.ok(out?.type === 'arb.outcome' && out.outcome === 'unwound' && Math.abs(out.pnl.USDT! + 1) < 1e-9 && Math.abs(out.pnl.BTC!) < 1e-12);
});

test("policy 'complete' sends the missing remainder instead; nothing filled and a denial → aborted, no hedge", () => {
  const a = start({ policy: 'complete' });
  a.actor.send({ type: 'legs.submit', groupId: 'tri-1' });
  a.actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.L0', 'BTC/USDT', 'buy', 0.1, 10_000)] });
  a.actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.L1', 'ETH/BTC', 'buy', 1, 0.033)] });
  a.actor.send(update('tri-1.L1', 'cancelled'));
  a.actor.send(update('tri-1.L2', 'rejected'));
  const hedges = a.take().filter((e) => e.type === 'intent' && e.intent.type === 'market');
  assert.deepEqual(hedges.map((e) => e.type === 'intent' && [e.intent.symbol, e.intent.side, e.intent.amount]), [['ETH/BTC', 'buy', 2], ['ETH/USDT', 'sell', 3]]);

  const b = start();
  b.actor.send({ type: 'legs.submit', groupId: 'tri-1' });
  b.take();
  b.actor.send(update('tri-1.L1', 'submitted'));
  b.actor.send({ type: 'orders.denied', denials: [{ intent: { intentId: 'tri-1.L0' } as never, reason: 'MIN_PROFIT', detail: '' }] });
  b.actor.send(update('tri-1.L1', 'cancelled'));
  b.actor.send(update('tri-1.L2', 'cancelled'));
  assert.equal(b.state(), '"aborted"');
  assert.deepEqual(b.take().map((e) => e.type === 'intent' ? e.intent.kind : e.type), ['cancel', 'arb.outcome']);
});

test('hedges that do not fill within the hedge deadline → stuck, and risk is told to halt', () => {
  const { actor, clock, take, state } = start();
  actor.send({ type: 'legs.submit', groupId: 'tri-1' });
  actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.L0', 'BTC/USDT', 'buy', 0.1, 10_000)] });
  actor.send(update('tri-1.L1', 'rejected'));
  actor.send(update('tri-1.L2', 'rejected'));
  assert.match(state(), /hedging/);
  take();
  clock.increment(2000);
  assert.equal(state(), '"stuck"');
  assert.deepEqual(take().map((e) => e.type), ['arb.outcome', 'risk.halt']);
});

test('duplicate fills are counted once', () => {
  const { actor, state } = start();
  actor.send({ type: 'legs.submit', groupId: 'tri-1' });
  const f = fill('tri-1.L0', 'BTC/USDT', 'buy', 0.05, 10_000, 'dup');
  actor.send({ type: 'orders.updated', updates: [], fills: [f] });
  actor.send({ type: 'orders.updated', updates: [], fills: [f] });
  assert.equal(actor.getSnapshot().context.orders[0]!.filled, 0.05);
  assert.equal(state(), '"submitted"');
});

test("policy 'auto': every leg at least half filled → complete the remainder; otherwise unwind", () => {
  const a = start({ policy: 'auto' });
  a.actor.send({ type: 'legs.submit', groupId: 'tri-1' });
  a.actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.L0', 'BTC/USDT', 'buy', 0.1, 10_000)] });
  a.actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.L1', 'ETH/BTC', 'buy', 2.9, 0.033)] });
  a.actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.L2', 'ETH/USDT', 'sell', 2.9, 340)] });
  a.clock.increment(1000);
  a.actor.send(update('tri-1.L1', 'cancelled'));
  a.actor.send(update('tri-1.L2', 'cancelled'));
  const hedges = a.take().filter((e) => e.type === 'intent' && e.intent.type === 'market');
  assert.deepEqual(hedges.map((e) => e.type === 'intent' && [e.intent.symbol, e.intent.side, Math.round(e.intent.amount * 10) / 10, e.intent.kind]), [['ETH/BTC', 'buy', 0.1, 'open'], ['ETH/USDT', 'sell', 0.1, 'open']]);
  a.actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.H1', 'ETH/BTC', 'buy', 0.1, 0.0331)] });
  a.actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.H2', 'ETH/USDT', 'sell', 0.1, 339)] });
  const [out] = a.take();
  assert.ok(out?.type === 'arb.outcome' && out.outcome === 'hedged', JSON.stringify(out));

  const b = start({ policy: 'auto' });
  b.actor.send({ type: 'legs.submit', groupId: 'tri-1' });
  b.actor.send({ type: 'orders.updated', updates: [], fills: [fill('tri-1.L0', 'BTC/USDT', 'buy', 0.1, 10_000)] });
  b.actor.send(update('tri-1.L1', 'rejected'));
  b.actor.send(update('tri-1.L2', 'rejected'));
  const unwind = b.take().filter((e) => e.type === 'intent' && e.intent.type === 'market');
  assert.deepEqual(unwind.map((e) => e.type === 'intent' && [e.intent.symbol, e.intent.side, e.intent.kind]), [['BTC/USDT', 'sell', 'reduce']]);
});

test('risk denies the whole group in one batch: aborted at once, nothing to cancel or hedge', () => {
  const { actor, take, state } = start();
  actor.send({ type: 'legs.submit', groupId: 'tri-1' });
  const legs = take().flatMap((e) => (e.type === 'intent' ? [e.intent] : []));
  actor.send({ type: 'orders.denied', denials: legs.map((intent) => ({ intent, reason: 'MIN_PROFIT' as const, detail: 'every leg is approved or none' })) });
  assert.equal(state(), '"aborted"');
  assert.deepEqual(take().map((e) => e.type), ['arb.outcome']);
});
