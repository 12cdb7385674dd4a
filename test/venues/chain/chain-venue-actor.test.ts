import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorSystem } from '../../../actors/runtime/system.js';
import { SimulatedClock } from '../../../actors/runtime/clock.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { riskActor } from '../../../actors/risk/risk-actor.js';
import type { RiskLimits } from '../../../actors/risk/limits.js';
import { mintApproval } from '../../../actors/risk/approval.js';
import { executionActor } from '../../../actors/execution/execution-actor.js';
import type { RiskContext } from '../../../machines/risk.machine.js';
import { startFlashStack, type FlashStack } from '../../../actors/venues/chain/flash-scenario.js';
import { chainVenueSpec, followBlocks } from '../../../actors/venues/chain/chain-venue-actor.js';
import type { FlashExecutor } from '../../../actors/venues/chain/flash-executor.js';
import { WETH9__factory } from '../../../contracts/generated/types/index.js';

let stack: FlashStack;
before(async () => {
  stack = await startFlashStack();
});
after(async () => stack?.stop());

/** Risk for the chain book, in WETH (the seeded cycles put in ~1,950 WETH; both have ~2.6% net). */
const CAPITAL = 100_000;

/** Counts the executor's sends, so "no bundle was sent" is observed at the venue, not inferred. */
function countingSubmits(executor: FlashExecutor): { executor: FlashExecutor; calls: () => number } {
  let n = 0;
  const wrapped = Object.create(executor) as FlashExecutor;
  wrapped.submit = (...args) => {
    n += 1;
    return executor.submit(...args);
  };
  return { executor: wrapped, calls: () => n };
}

function system(limits: Partial<RiskLimits> | undefined, executor: FlashExecutor) {
  const sys = new ActorSystem({ clock: new SimulatedClock(0) });
  const seen: Message[] = [];
  sys.observe((m) => seen.push(m));
  if (limits) sys.spawn(riskActor({ capital: CAPITAL, limits, startTs: 0 }));
  sys.spawn(chainVenueSpec(executor, { tokens: stack.tokens }));
  const block = async () => {
    const built = await stack.relay.buildBlock();
    sys.publish({ type: 'chain.block', number: built.number });
    await sys.whenQuiescent();
    return built;
  };
  const of = <T extends Message["type"]>(type: T): Array<Message<T>> => seen.filter((m) => m.type === type) as unknown as Array<Message<T>>;
  // Each intent, approval and denial out of its batch (the message it came in, for ordering).
  const intents = () => of('order.intents').flatMap((message) => message.intents.map((intent) => ({ intent, message })));
  const approvals = () => of('orders.approved').flatMap((m) => m.approvals.map((approval) => ({ approval })));
  const denials = () => of('orders.denied').flatMap((m) => m.denials);
  return { sys, seen, block, of, intents, approvals, denials };
}

async function balances() {
  const { chain } = stack;
  const weth = WETH9__factory.connect(chain.deployment.weth, chain.provider);
  return { owner: await weth.balanceOf(chain.keys.owner.address), executor: await chain.provider.getBalance(chain.keys.executor.address) };
}

test('an intent below min profit is denied by risk and no bundle is sent; one above is approved and lands', async () => {
  const snapshot = await stack.chain.provider.send('evm_snapshot', []);
  const strict = countingSubmits(stack.executor);
  const a = system({ minExpectedProfit: 0.5 }, strict.executor);
  try {
    const nonce = await stack.chain.provider.getTransactionCount(stack.chain.keys.executor.address);
    await a.block();
    const [intent] = a.intents();
    assert.ok(intent, JSON.stringify(a.seen.map((m) => m.type)));
    assert.equal(intent.intent.venue, 'chain:local');
    assert.ok(intent.intent.expectedProfit! > 0.001 && intent.intent.expectedProfit! < 0.5, `expected profit ${intent.intent.expectedProfit}`);
    const [denied] = a.denials();
    assert.equal(denied?.reason, 'MIN_PROFIT');
    assert.equal(a.approvals().length, 0);
    assert.equal(a.of('chain.arbitrage.skipped').at(-1)?.reason, 'denied');
    assert.equal(strict.calls(), 0, 'the venue was never asked to send');
    assert.deepEqual((await stack.relay.buildBlock()).includedBundles, []);
    assert.equal(await stack.chain.provider.getTransactionCount(stack.chain.keys.executor.address), nonce, 'no transaction of the executor landed');
  } finally {
    await a.sys.shutdown();
  }

  const lenient = countingSubmits(stack.executor);
  const b = system({ minExpectedProfit: 0.001 }, lenient.executor);
  try {
    const before = await balances();
    await b.block();
    const [approved] = b.approvals();
    assert.ok(approved, JSON.stringify(b.denials().map((m) => m.detail)));
    assert.equal(lenient.calls(), 1);
    await b.block();
    const [included] = b.of('chain.arbitrage.included');
    assert.ok(included, JSON.stringify(b.seen.map((m) => m.type)));
    assert.equal(included.intentId, approved.approval.intent.intentId);
    const after = await balances();
    assert.equal((after.owner - before.owner - (before.executor - after.executor)).toString(), included.predictedNetWei, 'realized == predicted to the wei');
  } finally {
    await b.sys.shutdown();
    await stack.chain.provider.send('evm_revert', [snapshot]);
  }
});

test('with risk and execution in the loop: books before intents, chain approvals left to the chain actor, both gaps taken, reservations released', async () => {
  const snapshot = await stack.chain.provider.send('evm_snapshot', []);
  const t = system({ minExpectedProfit: 0.001 }, stack.executor);
  t.sys.spawn(executionActor({ venues: {}, input: { venues: {}, maxLiquidityFraction: 0.1 } }));
  try {
    for (let i = 0; i < 8 && !t.of('chain.arbitrage.skipped').some((m) => m.reason === 'none' || m.reason === 'below-threshold'); i++) await t.block();
    const intents = t.intents();
    assert.equal(t.of('chain.arbitrage.included').length, 2, 'both seeded gaps (DAI and USDC) were taken');
    assert.deepEqual(new Set(intents.map((m) => m.intent.symbol)), new Set(['DAI/WETH', 'USDC/WETH']));
    const proposals = t.of('chain.evaluated').flatMap((m) => (m.proposal ? [m.proposal] : []));
    assert.equal(proposals.length, intents.length);
    for (const [i, m] of intents.entries()) {
      // notional = amount × price = WETH put in; expectedProfit × notional = the predicted net
      const net = Number(BigInt(proposals[i]!.predictedNetWei) / 10n ** 9n) / 1e9;
      const notional = m.intent.amount * m.intent.price;
      assert.ok(Math.abs(m.intent.expectedProfit! * notional - net) < 1e-6 * net, `${m.intent.expectedProfit} × ${notional} WETH vs net ${net}`);
      assert.ok(notional > 1_000 && notional < 3_000, `notional ${notional} WETH`);
      const book = t.seen.findIndex((b) => b.type === 'book.updated' && b.book.venue === 'chain:local' && b.book.symbol === m.intent.symbol);
      assert.ok(book >= 0 && book < t.seen.indexOf(m.message), `a book for ${m.intent.symbol} precedes its intent`);
    }
    assert.equal(t.of('execution.refused').length, 0, 'execution did not touch the chain approvals');
    assert.equal(t.of('orders.updated').filter((m) => m.updates.length > 0).length, 0, 'no exchange order was opened for them');
    const risk = t.sys.actor('risk')!.snapshot() as { context: RiskContext };
    assert.deepEqual(risk.context.book.reservations, {}, 'fills released what risk reserved');
    assert.deepEqual(risk.context.book.positions, {}, 'flat: bought and sold in one transaction');
    const net = t.of('chain.arbitrage.included').reduce((s, m) => s + Number(BigInt(m.predictedNetWei) / 10n ** 9n) / 1e9, 0);
    assert.ok(Math.abs(risk.context.book.realizedPnl - net) < 1e-6 * net, `risk booked ${risk.context.book.realizedPnl} WETH, the chain netted ${net}`);
  } finally {
    await t.sys.shutdown();
    await stack.chain.provider.send('evm_revert', [snapshot]);
  }
});

test('an approval for less than asked: the bundle is re-sized to at most the approved borrow and still lands to the wei', async () => {
  const snapshot = await stack.chain.provider.send('evm_snapshot', []);
  const t = system(undefined, stack.executor); // no risk actor: the test plays risk with a smaller approval
  try {
    const before = await balances();
    await t.block();
    const [intent] = t.intents();
    assert.ok(intent);
    t.sys.publish({ type: 'orders.approved', approvals: [mintApproval('apv:test', intent.intent, intent.intent.amount / 4, 0)] });
    await t.sys.whenQuiescent();
    const [sent] = t.of('chain.sent');
    assert.equal(sent?.outcome, 'submitted', sent?.detail);
    const asked = t.of('chain.evaluated')[0]!.detail.match(/borrow (\d+)/)![1]!;
    assert.ok(BigInt(sent.borrowed!) <= BigInt(asked) / 4n, `borrowed ${sent.borrowed} of the asked ${asked}`);
    await t.block();
    const [included] = t.of('chain.arbitrage.included');
    assert.ok(included);
    const after = await balances();
    assert.equal((after.owner - before.owner - (before.executor - after.executor)).toString(), included.predictedNetWei);
  } finally {
    await t.sys.shutdown();
    await stack.chain.provider.send('evm_revert', [snapshot]);
  }
});

test('with the relay building blocks on its own, followBlocks feeds the actor and risk approves a bundle that lands unattended', async () => {
  const fresh = await startFlashStack();
  const sys = new ActorSystem({ clock: new SimulatedClock(0) });
  const stops: Array<() => void> = [];
  try {
    const included = new Promise<Message>((resolve) => sys.observe((m) => m.type === 'chain.arbitrage.included' && resolve(m)));
    sys.spawn(riskActor({ capital: CAPITAL, limits: { minExpectedProfit: 0.001 }, startTs: 0 }));
    sys.spawn(chainVenueSpec(fresh.executor, { tokens: fresh.tokens }));
    stops.push(followBlocks(fresh.chain.provider, sys));
    // A block every 300 ms: at 100 ms a loaded machine took longer than the quote's few blocks from evaluation to
    // submission, every cycle expired unapproved, and the test waited for ever.
    stops.push(fresh.relay.autoBuild(300));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 60_000)));
    const message = (await Promise.race([included, late])) as Message<'chain.arbitrage.included'> | 'late';
    clearTimeout(timer);
    assert.notEqual(message, 'late', 'no bundle landed within 60 s');
    if (message === 'late') return;
    assert.ok(BigInt(message.predictedNetWei) > 0n);
    assert.equal((await fresh.chain.provider.getTransactionReceipt(message.txHash))!.blockNumber, message.block);
  } finally {
    for (const stop of stops) stop();
    await sys.whenQuiescent();
    await sys.shutdown();
    await fresh.relay.buildBlock().catch(() => undefined);
    await fresh.stop();
  }
});
