import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { flashArbitrageMachine } from '../../machines/flash-arbitrage.machine.js';

function run() {
  const actor = createActor(flashArbitrageMachine);
  const emitted: Array<{ type: string; [k: string]: unknown }> = [];
  actor.on('*', (e) => emitted.push(e as never));
  actor.start();
  return { actor, emitted, state: () => actor.getSnapshot().value };
}

test('a block asks for an evaluation; a submission waits for inclusion and reports it', () => {
  const { actor, emitted, state } = run();
  actor.send({ type: 'chain.block', number: 10 });
  assert.equal(state(), 'evaluating');
  assert.deepEqual(emitted.at(-1), { type: 'chain.evaluate', block: 10 });
  actor.send({ type: 'chain.block', number: 11 });
  assert.equal(emitted.at(-1)!.reason, 'busy');
  actor.send({ type: 'chain.evaluated', block: 10, outcome: 'submitted', detail: '', txHash: '0xabc', targetBlock: 11, deadlineBlock: 13, predictedNetWei: '42' });
  assert.equal(state(), 'awaitingInclusion');
  assert.deepEqual(emitted.at(-1), { type: 'chain.arbitrage.submitted', txHash: '0xabc', targetBlock: 11, deadlineBlock: 13, predictedNetWei: '42' });
  actor.send({ type: 'chain.block', number: 11 });
  assert.deepEqual(emitted.at(-1), { type: 'chain.followUp', block: 11, txHash: '0xabc' });
  actor.send({ type: 'chain.followedUp', block: 11, txHash: '0xabc', status: 'pending', predictedNetWei: '40' });
  assert.equal(state(), 'awaitingInclusion');
  actor.send({ type: 'chain.block', number: 12 });
  actor.send({ type: 'chain.followedUp', block: 12, txHash: '0xabc', status: 'included', includedBlock: 12, predictedNetWei: '40' });
  assert.equal(state(), 'watching');
  assert.deepEqual(emitted.at(-1), { type: 'chain.arbitrage.included', txHash: '0xabc', block: 12, predictedNetWei: '40' });
  assert.equal(actor.getSnapshot().context.included, 1);
  assert.equal(actor.getSnapshot().context.pending, undefined);
});

test('rejections are events: below threshold, failed simulation, expiry; old blocks are ignored', () => {
  const { actor, emitted, state } = run();
  actor.send({ type: 'chain.block', number: 5 });
  actor.send({ type: 'chain.evaluated', block: 5, outcome: 'below-threshold', detail: 'net 3 wei below the threshold' });
  assert.equal(state(), 'watching');
  assert.deepEqual(emitted.at(-1), { type: 'chain.arbitrage.skipped', block: 5, reason: 'below-threshold', detail: 'net 3 wei below the threshold' });
  const count = emitted.length;
  actor.send({ type: 'chain.block', number: 5 });
  assert.equal(emitted.length, count, 'a block already seen is ignored');
  actor.send({ type: 'chain.block', number: 6 });
  actor.send({ type: 'chain.evaluated', block: 6, outcome: 'submitted', detail: '', txHash: '0x1', targetBlock: 7, deadlineBlock: 7, predictedNetWei: '9' });
  actor.send({ type: 'chain.block', number: 7 });
  actor.send({ type: 'chain.followedUp', block: 7, txHash: '0x1', status: 'expired' });
  assert.equal(state(), 'watching');
  assert.deepEqual(emitted.at(-1), { type: 'chain.arbitrage.dropped', txHash: '0x1', block: 7, reason: 'expired' });
  actor.send({ type: 'chain.block', number: 8 });
  actor.send({ type: 'chain.evaluated', block: 8, outcome: 'simulation-failed', detail: 'execution reverted' });
  assert.equal(emitted.at(-1)!.reason, 'simulation-failed');
});
