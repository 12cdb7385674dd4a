import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { flashArbitrageMachine } from '../../../actors/strategies/flash-loan/flash-arbitrage.machine.js';
import { mintApproval, type Approval } from '../../../actors/risk/approval.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import type { Message, MessageMap, MessageType } from '../../../actors/runtime/messages.js';

let seq = 0;
function msg<T extends MessageType>(type: T, body: MessageMap[T]): Message {
  seq += 1;
  return { type, ...body, id: `m${seq}`, ts: 0, correlationId: `m${seq}` } as unknown as Message;
}

function run() {
  const actor = createActor(flashArbitrageMachine, { input: { strategy: 'flash-loan', venue: 'chain:local' } });
  const emitted: Array<{ type: string; [k: string]: unknown }> = [];
  actor.on('*', (e) => emitted.push(e as never));
  actor.start();
  const send = <T extends MessageType>(type: T, body: MessageMap[T]) => actor.send(msg(type, body) as never);
  return { actor, emitted, send, state: () => actor.getSnapshot().value };
}

const proposal = { symbol: 'DAI/WETH', amount: 1_000, price: 0.0003, expectedProfit: 0.02, predictedNetWei: '42', deadlineBlock: 13 };

function propose(r: ReturnType<typeof run>, block: number): OrderIntent {
  r.send('chain.block', { number: block });
  assert.deepEqual(r.emitted.at(-1), { type: 'chain.evaluate', block });
  r.send('chain.evaluated', { block, outcome: 'proposed', detail: '', proposal: { ...proposal, deadlineBlock: block + 3 } });
  assert.equal(r.state(), 'awaitingApproval');
  const e = r.emitted.at(-1)!;
  assert.equal(e.type, 'order.intents');
  const intents = e.intents as OrderIntent[];
  assert.equal(intents.length, 1, 'a cycle is one intent');
  return intents[0]!;
}

test('a paying cycle is proposed to risk; only its genuine approval sends it; inclusion is reported', () => {
  const r = run();
  const intent = propose(r, 10);
  assert.deepEqual(intent, { intentId: 'flash-loan-1', strategy: 'flash-loan', venue: 'chain:local', symbol: 'DAI/WETH', side: 'buy', kind: 'open', type: 'market', amount: 1_000, price: 0.0003, expectedProfit: 0.02 });
  const count = r.emitted.length;
  // a forged approval, and a genuine one for another intent or venue, send nothing
  r.send('orders.approved', { approvals: [Object.freeze({ approvalId: 'x', intent, amount: 1_000, ts: 0 }) as Approval] });
  r.send('orders.approved', { approvals: [mintApproval('y', { ...intent, venue: 'paper' }, 1_000, 0)] });
  assert.equal(r.state(), 'awaitingApproval');
  const approval = mintApproval('apv:flash-loan-1', intent, 600, 0);
  r.send('orders.approved', { approvals: [approval] });
  assert.equal(r.state(), 'submitting');
  assert.equal(r.emitted.length, count + 1);
  assert.deepEqual(r.emitted.at(-1), { type: 'chain.submit', block: 10, intentId: 'flash-loan-1', approval });
  r.send('chain.block', { number: 11 });
  assert.equal(r.emitted.at(-1)!.reason, 'busy');
  r.send('chain.sent', { block: 10, intentId: 'flash-loan-1', outcome: 'submitted', detail: '', txHash: '0xabc', targetBlock: 11, deadlineBlock: 13, predictedNetWei: '40' });
  assert.equal(r.state(), 'awaitingInclusion');
  assert.deepEqual(r.emitted.at(-1), { type: 'chain.arbitrage.submitted', intentId: 'flash-loan-1', txHash: '0xabc', targetBlock: 11, deadlineBlock: 13, predictedNetWei: '40' });
  r.send('chain.block', { number: 11 });
  assert.deepEqual(r.emitted.at(-1), { type: 'chain.followUp', block: 11, txHash: '0xabc' });
  r.send('chain.followedUp', { block: 11, txHash: '0xabc', status: 'pending', predictedNetWei: '39' });
  assert.equal(r.state(), 'awaitingInclusion');
  r.send('chain.block', { number: 12 });
  r.send('chain.followedUp', { block: 12, txHash: '0xabc', status: 'included', includedBlock: 12, predictedNetWei: '39' });
  assert.equal(r.state(), 'watching');
  assert.deepEqual(r.emitted.at(-1), { type: 'chain.arbitrage.included', intentId: 'flash-loan-1', txHash: '0xabc', block: 12, predictedNetWei: '39' });
  assert.equal(r.actor.getSnapshot().context.included, 1);
  assert.equal(r.actor.getSnapshot().context.pending, undefined);
});

test("risk's denial is a skip: nothing is sent, the next block is evaluated afresh with a new intent id", () => {
  const r = run();
  const intent = propose(r, 5);
  r.send('orders.denied', { denials: [{ intent, reason: 'MIN_PROFIT', detail: 'DAI/WETH expected profit 0.02%, min 0.1%' }] });
  assert.equal(r.state(), 'watching');
  assert.deepEqual(r.emitted.at(-1), { type: 'chain.arbitrage.skipped', block: 5, reason: 'denied', detail: 'flash-loan-1 MIN_PROFIT: DAI/WETH expected profit 0.02%, min 0.1%' });
  assert.ok(!r.emitted.some((e) => e.type === 'chain.submit'));
  assert.equal(propose(r, 6).intentId, 'flash-loan-2');
});

test('an approved reservation is given back when the bundle is not sent, is dropped, or the approval comes too late', () => {
  const r = run();
  let intent = propose(r, 5);
  r.send('orders.approved', { approvals: [mintApproval('a1', intent, 1_000, 0)] });
  r.send('chain.sent', { block: 5, intentId: intent.intentId, outcome: 'simulation-failed', detail: 'reverted' });
  assert.deepEqual(r.emitted.slice(-2).map((e) => [e.type, e.type === 'order.unplaced' ? e.amount : e.reason]), [['chain.arbitrage.skipped', 'simulation-failed'], ['order.unplaced', 1_000]]);
  intent = propose(r, 6);
  r.send('orders.approved', { approvals: [mintApproval('a2', intent, 700, 0)] });
  r.send('chain.sent', { block: 6, intentId: intent.intentId, outcome: 'submitted', detail: '', txHash: '0x1', targetBlock: 7, deadlineBlock: 7, predictedNetWei: '9' });
  r.send('chain.block', { number: 7 });
  r.send('chain.followedUp', { block: 7, txHash: '0x1', status: 'expired' });
  assert.equal(r.state(), 'watching');
  assert.deepEqual(r.emitted.slice(-2).map((e) => [e.type, e.type === 'order.unplaced' ? e.amount : e.reason]), [['chain.arbitrage.dropped', 'expired'], ['order.unplaced', 700]]);
  intent = propose(r, 8);
  r.send('chain.block', { number: 12 });
  assert.equal(r.state(), 'watching', 'no verdict before the quote deadline: given up');
  assert.equal(r.emitted.at(-1)!.reason, 'unapproved');
  r.send('orders.approved', { approvals: [mintApproval('a3', intent, 1_000, 0)] });
  assert.deepEqual(r.emitted.at(-1), { type: 'order.unplaced', intentId: intent.intentId, amount: 1_000, reason: 'approval arrived after the quote expired' });
  assert.equal(r.state(), 'watching');
});

test('evaluations that do not pay are skips; old blocks are ignored', () => {
  const r = run();
  r.send('chain.block', { number: 5 });
  r.send('chain.evaluated', { block: 5, outcome: 'below-threshold', detail: "net 3 wei below the venue's floor" });
  assert.equal(r.state(), 'watching');
  assert.deepEqual(r.emitted.at(-1), { type: 'chain.arbitrage.skipped', block: 5, reason: 'below-threshold', detail: "net 3 wei below the venue's floor" });
  const count = r.emitted.length;
  r.send('chain.block', { number: 5 });
  assert.equal(r.emitted.length, count, 'a block already seen is ignored');
  r.send('chain.block', { number: 8 });
  r.send('chain.evaluated', { block: 8, outcome: 'simulation-failed', detail: 'execution reverted' });
  assert.equal(r.emitted.at(-1)!.reason, 'simulation-failed');
});

test("with a session, intent ids carry it, so a second run on one journal never repeats the first's", () => {
  const ids = ['s1', 's2'].map((session) => {
    const actor = createActor(flashArbitrageMachine, { input: { strategy: 'flash-loan', venue: 'chain:local', session } });
    const emitted: Array<{ type: string; [k: string]: unknown }> = [];
    actor.on('*', (e) => emitted.push(e as never));
    actor.start();
    actor.send(msg('chain.block', { number: 3 }) as never);
    actor.send(msg('chain.evaluated', { block: 3, outcome: 'proposed', detail: '', proposal }) as never);
    return (emitted.at(-1)!.intents as OrderIntent[])[0]!.intentId;
  });
  assert.deepEqual(ids, ['flash-loan-s1-1', 'flash-loan-s2-1']);
});
