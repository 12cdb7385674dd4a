import { after, before, beforeEach, afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { NonceManager } from 'ethers';
import { startFlashStack, runFlashRound, type FlashStack } from '../../../actors/venues/chain/flash-scenario.js';
import { UniswapV2Pair__factory, WETH9__factory } from '../../../contracts/generated/types/index.js';
import { getAmountOut } from '../../../actors/strategies/flash-loan/v2-math.js';
import { mintApproval } from '../../../actors/risk/approval.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import { OrderRejectedError } from '../../../actors/runtime/errors.js';
import type { PreparedBundle } from '../../../actors/venues/chain/flash-executor.js';

/** Risk for the chain book, in WETH: wide enough for the seeded ~1,950 WETH cycles. */
const ROUND = { capital: 100_000, limits: { minExpectedProfit: 0.001 } };

/** An approval as risk would mint it (this file tests the venue side; the actor tests get theirs from risk). */
function approvalFor(bundle: PreparedBundle, amount = 1, venue = 'chain:local') {
  const intent: OrderIntent = { intentId: `t-${bundle.txHash.slice(2, 10)}`, strategy: 't', venue, symbol: 'X/WETH', side: 'buy', kind: 'open', type: 'market', amount: 1, price: 1, expectedProfit: 0.01 };
  return mintApproval(`apv:${intent.intentId}`, intent, amount, 0);
}

async function prepared(number: number): Promise<PreparedBundle> {
  const evaluation = await stack.executor.evaluate(number);
  if (evaluation.kind !== 'ready') assert.fail(`nothing prepared: ${evaluation.kind}`);
  return evaluation.bundle;
}

let stack: FlashStack;
let snapshot: string;
before(async () => {
  stack = await startFlashStack({ minProfitWei: 10n ** 15n });
});
after(async () => stack?.stop());
beforeEach(async () => {
  snapshot = await stack.chain.provider.send('evm_snapshot', []);
});
afterEach(async () => {
  await stack.chain.provider.send('evm_revert', [snapshot]);
});

test('end to end: the realized profit equals the prediction to the wei, in the target block', async () => {
  const result = await runFlashRound(stack, ROUND);
  assert.equal(result.realizedProfitWei, result.predictedProfitWei);
  assert.ok(BigInt(result.realizedProfitWei) > 10n ** 15n);
  assert.ok(BigInt(result.grossProfitWei) > BigInt(result.predictedProfitWei), 'gas is netted out');
  assert.equal(result.simulated, true);
  assert.equal(await WETH9__factory.connect(stack.chain.deployment.weth, stack.chain.provider).balanceOf(stack.chain.deployment.arbitrage), 0n);
  // only the Flashbots auth key ever spoke to the relay; it is neither the owner nor the executor
  const { owner, executor, flashbotsAuth } = stack.chain.keys;
  assert.deepEqual([...stack.relay.seenSigners], [flashbotsAuth.address]);
  assert.notEqual(flashbotsAuth.address, owner.address);
  assert.notEqual(flashbotsAuth.address, executor.address);
  assert.equal(executor.provider, null, 'the executor key cannot reach a public mempool');
});

test("a venue floor above the opportunity prepares nothing to propose", async () => {
  const greedy = await startFlashStack({ minProfitWei: 10n ** 24n });
  try {
    const { number } = await greedy.relay.buildBlock();
    const outcome = await greedy.executor.evaluate(number);
    assert.equal(outcome.kind, 'below-threshold');
  } finally {
    await greedy.stop();
  }
});

/** The trader closes (overshoots) the gap: a public swap buying the borrowed token where it is cheap. */
async function closeGap(cheapPair: string): Promise<void> {
  const { chain } = stack;
  const trader = new NonceManager(chain.keys.trader.connect(chain.provider));
  const weth = WETH9__factory.connect(chain.deployment.weth, trader);
  const pair = UniswapV2Pair__factory.connect(cheapPair, trader);
  const wethReserve = await weth.balanceOf(cheapPair);
  const amount = (wethReserve * 6n) / 100n;
  // a higher priority fee than the bundle's: the builder orders these first
  const fees = { maxPriorityFeePerGas: 5n * 10n ** 9n, maxFeePerGas: 100n * 10n ** 9n };
  await (await weth.deposit({ value: amount, ...fees })).wait(0);
  await (await weth.transfer(cheapPair, amount, fees)).wait(0);
  const [r0, r1] = await pair.getReserves();
  const wethIs0 = (await pair.token0()).toLowerCase() === chain.deployment.weth.toLowerCase();
  // pending nonces: reserves are unchanged until the block is built
  const out = getAmountOut(amount, wethIs0 ? r0 : r1, wethIs0 ? r1 : r0);
  await (await pair.swap(wethIs0 ? 0n : out, wethIs0 ? out : 0n, chain.keys.trader.address, '0x', { ...fees, gasLimit: 200_000n })).wait(0);
}

test('a bundle whose trade turned unprofitable is left out whole: the executor pays nothing', async () => {
  const { chain, relay, executor } = stack;
  const { number } = await relay.buildBlock();
  const bundle = await prepared(number);
  const outcome = { bundle: await executor.submit(bundle, approvalFor(bundle), bundle.opportunity.borrow) };
  const ethBefore = await chain.provider.getBalance(chain.keys.executor.address);
  // the trader's public swaps, ordered before the bundle in the target block, close the gap
  await closeGap(outcome.bundle.opportunity.buyPool.pair);
  const built = await relay.buildBlock();
  assert.deepEqual(built.includedBundles, []);
  assert.equal(await chain.provider.getTransactionReceipt(outcome.bundle.txHash), null);
  assert.equal(await chain.provider.getBalance(chain.keys.executor.address), ethBefore);
});

test('a leaked transaction landing in any state cannot lose the owner money; if profitable it clears gas', async () => {
  const { chain, relay, executor } = stack;
  const weth = WETH9__factory.connect(chain.deployment.weth, chain.provider);
  const { number } = await relay.buildBlock();
  const outcome = { bundle: await prepared(number) };
  const ownerBefore = await weth.balanceOf(chain.keys.owner.address);
  const execBefore = await chain.provider.getBalance(chain.keys.executor.address);
  // leaked straight to the node (public mempool), mined in an ordinary block
  await chain.provider.send('eth_sendRawTransaction', [outcome.bundle.signedTx]);
  await relay.buildBlock();
  const receipt = (await chain.provider.getTransactionReceipt(outcome.bundle.txHash))!;
  assert.equal(receipt.status, 1);
  const net = (await weth.balanceOf(chain.keys.owner.address)) - ownerBefore - (execBefore - (await chain.provider.getBalance(chain.keys.executor.address)));
  assert.ok(net >= 10n ** 15n, `net ${net} below the threshold`);
});

test('a builder payment goes to block.coinbase out of the WETH profit, and the books still match to the wei', async () => {
  const paying = await startFlashStack({ builderPaymentWei: 10n ** 18n, minProfitFraction: 0.001 });
  try {
    const { chain } = paying;
    const result = await runFlashRound(paying, ROUND);
    assert.equal(result.realizedProfitWei, result.predictedProfitWei);
    const block = await chain.provider.getBlock(result.bundleBlock);
    const coinbaseGain = (await chain.provider.getBalance(block!.miner, result.bundleBlock)) - (await chain.provider.getBalance(block!.miner, result.bundleBlock - 1));
    assert.ok(coinbaseGain >= 10n ** 18n, `coinbase got ${coinbaseGain}`);
  } finally {
    await paying.stop();
  }
});

test('the threshold is the larger of the wei floor and the configured fraction of the amount put in', async () => {
  const { number } = await stack.relay.buildBlock();
  const outcome = await stack.executor.evaluate(number);
  if (outcome.kind !== 'ready') return assert.fail(outcome.kind);
  const o = outcome.bundle.opportunity;
  assert.equal(stack.executor.threshold(o), 10n ** 15n, 'fraction 0: the wei floor');
  const strict = await startFlashStack({ minProfitWei: 1n, minProfitFraction: 0.5 });
  try {
    assert.equal(strict.executor.threshold(o), o.amountIn / 2n);
    const { number: n } = await strict.relay.buildBlock();
    assert.equal((await strict.executor.evaluate(n)).kind, 'below-threshold', 'a 50% return is not on offer');
  } finally {
    await strict.stop();
  }
});

test('the venue sends only on a genuine approval for a chain venue, and never more than the approved borrow', async () => {
  const { relay, executor } = stack;
  const { number } = await relay.buildBlock();
  const bundle = await prepared(number);
  const forged = Object.freeze({ ...approvalFor(bundle) });
  await assert.rejects(executor.submit(bundle, forged, bundle.opportunity.borrow), OrderRejectedError);
  await assert.rejects(executor.submit(bundle, approvalFor(bundle, 1, 'paper'), bundle.opportunity.borrow), OrderRejectedError);
  await assert.rejects(executor.submit(bundle, approvalFor(bundle), bundle.opportunity.borrow - 1n), /exceeds the approved/);
  assert.deepEqual((await relay.buildBlock()).includedBundles, [], 'nothing reached the relay');
});

test('re-sized to a smaller approved borrow: at most the cap, simulated again, and realized == predicted', async () => {
  const { chain, relay, executor } = stack;
  const weth = WETH9__factory.connect(chain.deployment.weth, chain.provider);
  const { number } = await relay.buildBlock();
  const full = await prepared(number);
  const cap = full.opportunity.borrow / 3n;
  const resized = await executor.resize(full, cap);
  if (resized.kind !== 'ready') return assert.fail(resized.kind);
  const b = resized.bundle;
  assert.ok(b.opportunity.borrow <= cap && b.opportunity.borrow >= cap - 2n, `borrow ${b.opportunity.borrow}, cap ${cap}`);
  assert.ok(b.opportunity.profit < full.opportunity.profit && b.opportunity.profit > 0n);
  assert.equal(b.opportunity.buyPool.pair, full.opportunity.buyPool.pair);
  const ownerBefore = await weth.balanceOf(chain.keys.owner.address);
  const execBefore = await chain.provider.getBalance(chain.keys.executor.address);
  await executor.submit(b, approvalFor(b), cap);
  const built = await relay.buildBlock();
  assert.equal(built.includedBundles.length, 1);
  const net = (await weth.balanceOf(chain.keys.owner.address)) - ownerBefore - (execBefore - (await chain.provider.getBalance(chain.keys.executor.address)));
  assert.equal(net, b.predictedNetWei);
});
