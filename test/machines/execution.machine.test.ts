import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { executionMachine } from '../../machines/execution.machine.js';
import { mintApproval, type Approval } from '../../actors/risk/approval.js';
import type { OrderIntent } from '../../actors/risk/intent.js';
import type { Message } from '../../actors/runtime/messages.js';

const intent = (n: number, venue: string): OrderIntent => ({
  intentId: `s-${n}`, strategy: 's', venue, symbol: venue.startsWith('chain:') ? 'DAI/WETH' : 'BTC/USDT', side: 'buy', kind: 'open', type: 'market', amount: 0.01, price: 30_000,
});

const approved = (approval: Approval, n: number): Message =>
  ({ type: 'orders.approved', approvals: [approval], id: `m${n}`, ts: 1_000, correlationId: `m${n}` }) as Message;

function start() {
  const actor = createActor(executionMachine, { input: { venues: { paper: { taker: 0.001 } }, maxLiquidityFraction: 0.1 } });
  const emitted: Array<{ type: string }> = [];
  actor.on('*', (e) => emitted.push(e as { type: string }));
  actor.start();
  return { actor, emitted };
}

test('approvals for a chain: venue are left to the chain actor: nothing emitted, no order, nothing refused', () => {
  const { actor, emitted } = start();
  actor.send(approved(mintApproval('apv:s-1', intent(1, 'chain:local'), 0.01, 1_000), 1));
  assert.equal(emitted.length, 0, JSON.stringify(emitted));
  const ctx = actor.getSnapshot().context;
  assert.deepEqual(ctx.orders, {});
  assert.equal(ctx.refused, 0);
  // the same machine does act on an exchange venue's approval
  actor.send(approved(mintApproval('apv:s-2', intent(2, 'paper'), 0.01, 1_000), 2));
  assert.ok(emitted.some((e) => e.type === 'venue.submits'), JSON.stringify(emitted.map((e) => e.type)));
  assert.equal(Object.keys(actor.getSnapshot().context.orders).length, 1);
});

test('a forged approval naming a chain: venue is still refused, not silently skipped', () => {
  const { actor, emitted } = start();
  const forged = Object.freeze({ approvalId: 'apv:s-3', intent: intent(3, 'chain:local'), amount: 0.01, ts: 1_000 }) as Approval;
  actor.send(approved(forged, 3));
  assert.deepEqual(emitted.map((e) => e.type), ['execution.refused']);
  assert.equal(actor.getSnapshot().context.refused, 1);
});

test('one approvals batch, one transition: a forged approval in it is refused, the genuine ones placed, updates reported per strategy', () => {
  const { actor, emitted } = start();
  const of = (n: number, strategy: string) => ({ ...intent(n, 'paper'), intentId: `${strategy}-${n}`, strategy });
  const forged = Object.freeze({ approvalId: 'apv:x-1', intent: of(1, 'x'), amount: 0.01, ts: 1_000 }) as Approval;
  const batch = [mintApproval('apv:a-1', of(1, 'a'), 0.01, 1_000), forged, mintApproval('apv:b-1', of(1, 'b'), 0.01, 1_000), mintApproval('apv:a-2', of(2, 'a'), 0.01, 1_000)];
  actor.send({ type: 'orders.approved', approvals: batch, id: 'm9', ts: 1_000, correlationId: 'm9' } as Message);
  assert.deepEqual(emitted.map((e) => e.type), ['execution.refused', 'venue.submits', 'orders.updated', 'orders.updated']);
  const submits = emitted.find((e): e is { type: 'venue.submits'; submits: Array<{ request: { clientOrderId: string }; intent?: { intentId: string } }> } => e.type === 'venue.submits');
  assert.deepEqual(submits?.submits.map((x) => [x.request.clientOrderId, x.intent?.intentId]), [['a-1.0', 'a-1'], ['b-1.0', 'b-1'], ['a-2.0', 'a-2']], 'every order of the batch in one effect, each with its intent');
  const reports = emitted.filter((e): e is { type: 'orders.updated'; to: string; updates: Array<{ intentId: string; status: string }> } => e.type === 'orders.updated');
  assert.deepEqual(reports.map((r) => [r.to, r.updates.map((u) => `${u.intentId} ${u.status}`)]), [
    ['strategy:a', ['a-1 approved', 'a-1 submitted', 'a-2 approved', 'a-2 submitted']],
    ['strategy:b', ['b-1 approved', 'b-1 submitted']],
  ]);
  assert.equal(actor.getSnapshot().context.refused, 1);
  assert.equal(Object.keys(actor.getSnapshot().context.orders).length, 3);
});
