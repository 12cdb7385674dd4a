import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Wallet, id, NonceManager } from 'ethers';
import { startFlashStack, type FlashStack } from '../../../actors/venues/chain/flash-scenario.js';
import { WETH9__factory } from '../../../contracts/generated/types/index.js';

let stack: FlashStack;
before(async () => {
  stack = await startFlashStack();
});
after(async () => stack?.stop());

async function post(body: string, header?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (header) headers['X-Flashbots-Signature'] = header;
  return fetch(stack.relay.url, { method: 'POST', headers, body });
}

/** A signed WETH deposit from the trader: a plain transaction to put in bundles. */
async function deposit(nonceOffset: number, value: bigint, gasLimit = 100_000n): Promise<string> {
  const trader = stack.chain.keys.trader;
  const nonce = (await stack.chain.provider.getTransactionCount(trader.address, 'latest')) + nonceOffset;
  const block = await stack.chain.provider.getBlock('latest');
  const data = WETH9__factory.createInterface().encodeFunctionData('deposit');
  return trader.signTransaction({ type: 2, chainId: 31337n, nonce, to: stack.chain.deployment.weth, data, value, gasLimit, maxFeePerGas: block!.baseFeePerGas! * 3n + 10n ** 9n, maxPriorityFeePerGas: 10n ** 9n });
}

test('requests without a valid X-Flashbots-Signature are refused with 403', async () => {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_sendBundle', params: [{ txs: ['0x00'], blockNumber: '0x999' }] });
  assert.equal((await post(body)).status, 403);
  const signer = Wallet.createRandom();
  const other = Wallet.createRandom();
  assert.equal((await post(body, `${signer.address}:${await other.signMessage(id(body))}`)).status, 403, 'signature by another key');
  assert.equal((await post(body, `${signer.address}:${await signer.signMessage(id(`${body} `))}`)).status, 403, 'signature over another body');
  const ok = await post(body, `${signer.address}:${await signer.signMessage(id(body))}`);
  assert.equal(ok.status, 200);
});

test('eth_callBundle reports the real execution and leaves the chain untouched', async () => {
  const provider = stack.chain.provider;
  const blockBefore = await provider.getBlockNumber();
  const weth = WETH9__factory.connect(stack.chain.deployment.weth, provider);
  const balanceBefore = await weth.balanceOf(stack.chain.keys.trader.address);
  const tx = await deposit(0, 10n ** 18n);
  const sim = await stack.flashbots.simulate([tx], blockBefore + 1);
  assert.ok(!('error' in sim));
  assert.equal(sim.firstRevert, undefined);
  assert.ok(sim.totalGasUsed > 21_000);
  assert.equal(await provider.getBlockNumber(), blockBefore);
  assert.equal(await weth.balanceOf(stack.chain.keys.trader.address), balanceBefore);
  const pending = await provider.send('eth_getBlockByNumber', ['pending', false]);
  assert.equal(pending.transactions.length, 0, 'nothing left in the pool');
});

test('a bundle lands all-or-nothing, only in its target block', async () => {
  const provider = stack.chain.provider;
  const weth = WETH9__factory.connect(stack.chain.deployment.weth, provider);
  const trader = stack.chain.keys.trader.address;
  const start = await provider.getBlockNumber();
  // good + reverting (gas limit too low for a deposit) → nothing lands, not even the good one
  const good = await deposit(0, 10n ** 18n);
  const bad = await deposit(1, 10n ** 18n, 21_500n);
  const before = await weth.balanceOf(trader);
  const sent = await stack.flashbots.sendRawBundle([good, bad], start + 1);
  assert.ok(!('error' in sent));
  const built = await stack.relay.buildBlock();
  assert.deepEqual(built.includedBundles, []);
  assert.equal(await weth.balanceOf(trader), before);
  assert.equal(await provider.getTransactionReceipt(sent.bundleTransactions[0]!.hash), null);
  // a good bundle for block start + 3 is not included in start + 2, then lands in start + 3
  const one = await deposit(0, 2n * 10n ** 18n);
  const later = await stack.flashbots.sendRawBundle([one], start + 3);
  assert.ok(!('error' in later));
  assert.deepEqual((await stack.relay.buildBlock()).includedBundles, []);
  const landed = await stack.relay.buildBlock();
  assert.equal(landed.number, start + 3);
  assert.equal(landed.includedBundles.length, 1);
  assert.equal((await provider.getTransactionReceipt(later.bundleTransactions[0]!.hash))!.blockNumber, start + 3);
  assert.equal((await weth.balanceOf(trader)) - before, 2n * 10n ** 18n);
  // a bundle for a past block is refused
  const stale = await stack.flashbots.sendRawBundle([await deposit(0, 1n)], start + 1);
  assert.ok('error' in stale);
  void NonceManager;
});

/** A signed WETH deposit from `wallet` paying `tip` per gas to the builder. */
async function depositFrom(wallet: Wallet, tip: bigint): Promise<string> {
  const nonce = await stack.chain.provider.getTransactionCount(wallet.address, 'latest');
  const block = await stack.chain.provider.getBlock('latest');
  const data = WETH9__factory.createInterface().encodeFunctionData('deposit');
  return wallet.signTransaction({ type: 2, chainId: 31337n, nonce, to: stack.chain.deployment.weth, data, value: 1n, gasLimit: 100_000n, maxFeePerGas: block!.baseFeePerGas! * 3n + tip, maxPriorityFeePerGas: tip });
}

test('the public mempool goes into the next block after its bundle; a bundle that cannot be at the top does not land', async () => {
  const provider = stack.chain.provider;
  const publicWallet = stack.chain.keys.liquidity;
  const start = await provider.getBlockNumber();
  const bundleTx = await deposit(0, 1n);
  const publicHash = stack.relay.sendPublic(await depositFrom(publicWallet, 0n));
  const sent = await stack.flashbots.sendRawBundle([bundleTx], start + 1);
  assert.ok(!('error' in sent));
  assert.equal(await provider.getTransactionReceipt(publicHash), null, 'the mempool waits for the builder');
  const built = await stack.relay.buildBlock();
  assert.equal(built.includedBundles.length, 1);
  assert.equal((await provider.getTransactionReceipt(sent.bundleTransactions[0]!.hash))!.index, 0, 'the bundle at the top');
  const publicReceipt = (await provider.getTransactionReceipt(publicHash))!;
  assert.equal(publicReceipt.blockNumber, start + 1);
  assert.equal(publicReceipt.index, 1);

  // A public transaction outbidding the bundle would be mined before it: the bundle is dropped, the public one still lands.
  const second = await stack.flashbots.sendRawBundle([await deposit(0, 1n)], start + 2);
  assert.ok(!('error' in second));
  const rich = stack.relay.sendPublic(await depositFrom(publicWallet, 50n * 10n ** 9n));
  assert.deepEqual((await stack.relay.buildBlock()).includedBundles, []);
  assert.equal(await provider.getTransactionReceipt(second.bundleTransactions[0]!.hash), null);
  const richReceipt = (await provider.getTransactionReceipt(rich))!;
  assert.equal(richReceipt.blockNumber, start + 2);
  assert.equal(richReceipt.index, 0);
});
