import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { mintApproval, type Approval } from '../../../actors/risk/approval.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import { budgetGateMachine } from '../../../actors/risk/global-budget/budget-gate.machine.js';

const meta = { id: 'm', ts: 1, correlationId: 'c' };
const intent = (id: string, kind: OrderIntent['kind']): OrderIntent => ({ intentId: id, strategy: 'probe', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', kind, type: 'market', amount: 1, price: 100 });
const approval = (id: string, kind: OrderIntent['kind'] = 'open'): Approval => mintApproval(`a-${id}`, intent(id, kind), 1, 1);
const fill = (id: string) => ({ fillId: `f-${id}`, clientOrderId: `${id}.0`, intentId: id, strategy: 'probe', venue: 'paper', symbol: 'BTC/USDT', side: 'buy' as const, price: 100, amount: 1, fee: 0, liquidity: 'taker' as const, ts: 1 });

function gate() {
  const out: Array<{ type: string } & Record<string, unknown>> = [];
  const actor = createActor(budgetGateMachine);
  actor.on('*', (e) => out.push(e as never));
  actor.start();
  const send = (e: Record<string, unknown>) => actor.send({ ...meta, ...e } as never);
  const take = () => out.splice(0).map((e) => (e.type === 'orders.denied' ? `denied ${(e.denials as { intent: OrderIntent; detail: string }[])[0]!.intent.intentId}: ${(e.denials as { detail: string }[])[0]!.detail}` : e.type === 'orders.approved' ? `approved ${(e.approvals as Approval[]).map((a) => a.intent.intentId).join(',')}` : e.type === 'budget.reserve' ? `reserve ${(e.approval as Approval).intent.intentId}` : e.type === 'budget.fill' ? `fill ${e.fillId as string}` : e.type === 'budget.release' ? `release ${e.reservationId as string}` : e.type));
  return { actor, send, take, state: () => actor.getSnapshot().value };
}

test('the gate starts closed, asks for the rebuild, and opens on budget.rebuilt only', () => {
  const g = gate();
  assert.equal(g.state(), 'rebuilding');
  assert.deepEqual(g.take(), ['budget.watch', 'budget.rebuild']);
  g.send({ type: 'orders.approved', approvals: [approval('o1'), approval('r1', 'reduce'), approval('c1', 'cancel')] });
  const held = g.take();
  assert.deepEqual(held.slice(0, 1), ['approved r1,c1']);
  assert.match(held[1]!, /^denied o1: cluster budget being rebuilt from this node's journal/);
  assert.equal(held[2], 'order.unplaced');
  g.send({ type: 'budget.rebuilt', epoch: 0 });
  assert.equal(g.state(), 'open');
  g.send({ type: 'orders.approved', approvals: [approval('o2')] });
  assert.deepEqual(g.take(), ['reserve o2']);
});

test('lost → redisDown refuses opens and drops reports; back → rebuilding defers reports; a stale rebuilt opens nothing; rebuilt flushes', () => {
  const g = gate();
  g.send({ type: 'budget.rebuilt', epoch: 0 });
  g.take();
  g.send({ type: 'budget.lost', epoch: 1 });
  assert.equal(g.state(), 'redisDown');
  g.send({ type: 'orders.approved', approvals: [approval('o1')] });
  assert.match(g.take()[0]!, /^denied o1: cluster budget lost \(Redis not answering\)/);
  g.send({ type: 'orders.updated', updates: [], fills: [fill('x')] });
  assert.deepEqual(g.take(), [], 'the journal has the fill: the rebuild counts it');
  g.send({ type: 'budget.rebuilt', epoch: 0 });
  assert.equal(g.state(), 'redisDown', 'a rebuild from before the loss opens nothing');
  g.send({ type: 'budget.back', epoch: 1 });
  assert.equal(g.state(), 'rebuilding');
  assert.deepEqual(g.take(), ['budget.rebuild']);
  g.send({ type: 'orders.updated', updates: [{ clientOrderId: 'y.0', intentId: 'y', strategy: 'probe', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', status: 'cancelled', filled: 0, amount: 1 }], fills: [fill('z')] });
  assert.deepEqual(g.take(), []);
  g.send({ type: 'budget.rebuilt', epoch: 0 });
  assert.equal(g.state(), 'rebuilding');
  g.send({ type: 'budget.rebuilt', epoch: 1 });
  assert.equal(g.state(), 'open');
  assert.deepEqual(g.take(), ['fill f-z', 'release y']);
  assert.deepEqual(g.actor.getSnapshot().context.deferred, []);
});

test('an accepted reservation answered while the gate is closed is released and the open refused; a reduce passes', () => {
  const g = gate();
  g.send({ type: 'budget.rebuilt', epoch: 0 });
  g.send({ type: 'orders.approved', approvals: [approval('o1'), approval('r1', 'reduce')] });
  g.take();
  g.send({ type: 'budget.lost', epoch: 1 });
  g.send({ type: 'budget.back', epoch: 1 });
  g.take();
  const ok = { ok: true, positionAfter: 100, grossAfter: 100, seq: 3 };
  g.send({ type: 'budget.answered', approval: approval('o1'), answer: ok });
  g.send({ type: 'budget.answered', approval: approval('r1', 'reduce'), error: 'Connection is closed.' });
  const out = g.take();
  assert.equal(out[0], 'release o1');
  assert.match(out[1]!, /^denied o1: cluster budget being rebuilt/);
  assert.deepEqual(out.slice(2), ['order.unplaced', 'approved r1']);
});
