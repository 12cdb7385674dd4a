import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorSystem } from '../../../actors/runtime/system.js';
import { SimulatedClock } from '../../../actors/runtime/clock.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { startFlashStack, type FlashStack } from '../../../actors/venues/chain/flash-scenario.js';
import { chainVenueSpec } from '../../../actors/venues/chain/chain-venue-actor.js';
import { WETH9__factory } from '../../../contracts/generated/types/index.js';

let stack: FlashStack;
before(async () => {
  stack = await startFlashStack();
});
after(async () => stack?.stop());

test('the chain venue actor turns blocks into an included bundle whose realized profit equals the prediction', async () => {
  const system = new ActorSystem({ clock: new SimulatedClock(0) });
  const seen: Message[] = [];
  system.observe((m) => seen.push(m));
  system.spawn(chainVenueSpec(stack.executor));
  const { chain, relay } = stack;
  const weth = WETH9__factory.connect(chain.deployment.weth, chain.provider);
  try {
    const first = await relay.buildBlock();
    const ownerBefore = await weth.balanceOf(chain.keys.owner.address);
    const execBefore = await chain.provider.getBalance(chain.keys.executor.address);
    system.publish({ type: 'chain.block', number: first.number });
    await system.whenQuiescent();
    const submitted = seen.find((m) => m.type === 'chain.arbitrage.submitted');
    assert.ok(submitted, `no submission: ${JSON.stringify(seen.map((m) => m.type))}`);
    const second = await relay.buildBlock();
    system.publish({ type: 'chain.block', number: second.number });
    await system.whenQuiescent();
    const included = seen.find((m): m is Message<'chain.arbitrage.included'> => m.type === 'chain.arbitrage.included');
    assert.ok(included);
    assert.equal(included.block, second.number);
    const realized = (await weth.balanceOf(chain.keys.owner.address)) - ownerBefore - (execBefore - (await chain.provider.getBalance(chain.keys.executor.address)));
    assert.equal(realized.toString(), included.predictedNetWei);
    // the USDC gap is taken next; then no gap is left worth a bundle: a skip event, not an exception
    for (let i = 0; i < 6 && !seen.some((m) => m.type === 'chain.arbitrage.skipped'); i++) {
      const next = await relay.buildBlock();
      system.publish({ type: 'chain.block', number: next.number });
      await system.whenQuiescent();
    }
    assert.equal(seen.filter((m) => m.type === 'chain.arbitrage.included').length, 2, 'both seeded gaps (DAI and USDC) were taken');
    const skipped = seen.filter((m): m is Message<'chain.arbitrage.skipped'> => m.type === 'chain.arbitrage.skipped');
    assert.ok(skipped.length >= 1);
    assert.ok(['none', 'below-threshold'].includes(skipped.at(-1)!.reason), skipped.at(-1)!.detail);
  } finally {
    await system.shutdown();
  }
});

test('followBlocks feeds the actor from the chain itself (new block → bundle submitted)', async () => {
  const { followBlocks } = await import('../../../actors/venues/chain/chain-venue-actor.js');
  const fresh = await startFlashStack();
  const system = new ActorSystem({ clock: new SimulatedClock(0) });
  let unfollow = () => {};
  try {
    const submitted = new Promise<Message>((resolve) => system.observe((m) => m.type === 'chain.arbitrage.submitted' && resolve(m)));
    system.spawn(chainVenueSpec(fresh.executor));
    unfollow = followBlocks(fresh.chain.provider, system);
    await fresh.relay.buildBlock();
    const message = await submitted;
    assert.equal(message.type, 'chain.arbitrage.submitted');
  } finally {
    unfollow();
    await system.whenQuiescent();
    await system.shutdown();
    await fresh.stop();
  }
});

test('with the relay building blocks on its own, the actor submits and lands a bundle unattended', async () => {
  const { followBlocks } = await import('../../../actors/venues/chain/chain-venue-actor.js');
  const fresh = await startFlashStack();
  const system = new ActorSystem({ clock: new SimulatedClock(0) });
  const stops: Array<() => void> = [];
  try {
    const included = new Promise<Message>((resolve) => system.observe((m) => m.type === 'chain.arbitrage.included' && resolve(m)));
    system.spawn(chainVenueSpec(fresh.executor));
    stops.push(followBlocks(fresh.chain.provider, system));
    stops.push(fresh.relay.autoBuild(100));
    const message = (await included) as Message<'chain.arbitrage.included'>;
    assert.ok(BigInt(message.predictedNetWei) > 0n);
    assert.equal((await fresh.chain.provider.getTransactionReceipt(message.txHash))!.blockNumber, message.block);
  } finally {
    for (const stop of stops) stop();
    await system.whenQuiescent();
    await system.shutdown();
    await fresh.relay.buildBlock().catch(() => undefined);
    await fresh.stop();
  }
});
