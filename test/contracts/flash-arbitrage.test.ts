import { after, before, beforeEach, afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AbiCoder, Contract, NonceManager, type Signer } from 'ethers';
import { startLocalChain, type LocalChain } from '../../actors/venues/chain/local-chain.js';
import { FlashArbitrage__factory, UniswapV2ERC20Token__factory, UniswapV2Pair__factory, WETH9__factory, type FlashArbitrage } from '../../contracts/generated/types/index.js';
import { findOpportunities } from '../../actors/strategies/flash-loan/opportunities.js';
import type { Pool } from '../../actors/strategies/flash-loan/pool.js';

let chain: LocalChain;
let arb: FlashArbitrage;
let executor: Signer;
let snapshot: string;

before(async () => {
  chain = await startLocalChain();
  executor = new NonceManager(chain.keys.executor.connect(chain.provider));
  arb = FlashArbitrage__factory.connect(chain.deployment.arbitrage, executor);
});
after(async () => chain?.stop());
beforeEach(async () => {
  snapshot = await chain.provider.send('evm_snapshot', []);
});
afterEach(async () => {
  await chain.provider.send('evm_revert', [snapshot]);
  (executor as NonceManager).reset();
});

const coder = AbiCoder.defaultAbiCoder();
function params(factories: string[], minProfit: bigint, deadlineBlock: bigint, builderPayment = 0n): string {
  return coder.encode(['tuple(address[] factories,uint256 minProfit,uint256 deadlineBlock,uint256 builderPayment)'], [[factories, minProfit, deadlineBlock, builderPayment]]);
}

async function livePools(): Promise<Pool[]> {
  return Promise.all(
    chain.deployment.pools.map(async (p) => {
      const pair = UniswapV2Pair__factory.connect(p.pair, chain.provider);
      const [[r0, r1], token0, token1] = await Promise.all([pair.getReserves(), pair.token0(), pair.token1()]);
      return { dex: p.dex, pair: p.pair, token0: token0.toLowerCase(), token1: token1.toLowerCase(), reserve0: r0, reserve1: r1 };
    }),
  );
}

async function bestRoute() {
  const [opp] = findOpportunities(await livePools(), chain.deployment.weth);
  assert.ok(opp, 'the seeded reserves hold a gap');
  const d = chain.deployment;
  const factoryOf = (pool: Pool) => d.factories[pool.dex as 'uniswap' | 'sushiswap'];
  const tokens = [d.weth, opp.borrowToken, d.weth];
  return { opp, tokens, factories: [factoryOf(opp.buyPool), factoryOf(opp.sellPool)] };
}

/** The contract's custom error name of a reverted call (ethers cannot name it through a NonceManager). */
async function revertsWith(call: Promise<unknown>, ...names: string[]): Promise<void> {
  try {
    await call;
  } catch (err) {
    const data = (err as { data?: string }).data;
    const parsed = data ? FlashArbitrage__factory.createInterface().parseError(data) : null;
    const name = parsed?.name ?? (err as Error).message;
    assert.ok(names.some((n) => name.includes(n)), `expected ${names.join('|')}, got ${name}`);
    return;
  }
  assert.fail(`expected a revert with ${names.join('|')}`);
}

const wethOf = (s: Signer | LocalChain['provider']) => WETH9__factory.connect(chain.deployment.weth, s);

test('a profitable flash swap pays the owner exactly the off-chain profit and leaves the contract empty', async () => {
  const { opp, tokens, factories } = await bestRoute();
  const weth = wethOf(chain.provider);
  const ownerBefore = await weth.balanceOf(chain.keys.owner.address);
  const block = BigInt(await chain.provider.getBlockNumber());
  await (await arb.executeArbitrage(tokens, opp.borrow, params(factories, opp.profit, block + 1n))).wait();
  assert.equal((await weth.balanceOf(chain.keys.owner.address)) - ownerBefore, opp.profit);
  assert.equal(await weth.balanceOf(chain.deployment.arbitrage), 0n);
  const token = UniswapV2ERC20Token__factory.connect(opp.borrowToken, chain.provider);
  assert.equal(await token.balanceOf(chain.deployment.arbitrage), 0n);
});

test('an unprofitable route reverts (profit below minimum)', async () => {
  const { opp, tokens, factories } = await bestRoute();
  const block = BigInt(await chain.provider.getBlockNumber());
  await revertsWith(arb.executeArbitrage(tokens, opp.borrow, params(factories, opp.profit + 1n, block + 1n)), 'InsufficientProfit');
  // the reverse direction loses money: it must revert even with minProfit 0
  const reversed = [factories[1]!, factories[0]!];
  await revertsWith(arb.executeArbitrage(tokens, opp.borrow, params(reversed, 0n, block + 1n)), 'InsufficientProfit', 'TransferFailed');
});

test('a non-owner, non-executor caller cannot execute or sweep', async () => {
  const { opp, tokens, factories } = await bestRoute();
  const outsider = FlashArbitrage__factory.connect(chain.deployment.arbitrage, chain.keys.trader.connect(chain.provider));
  const block = BigInt(await chain.provider.getBlockNumber());
  await revertsWith(outsider.executeArbitrage(tokens, opp.borrow, params(factories, 0n, block + 1n)), 'NotExecutor');
  await revertsWith(outsider.sweep(chain.deployment.weth), 'NotOwner');
  await revertsWith(outsider.setExecutor(chain.keys.trader.address), 'NotOwner');
  await revertsWith(arb.sweep(chain.deployment.weth), 'NotOwner');
});

test('an expired deadline reverts', async () => {
  const { opp, tokens, factories } = await bestRoute();
  const block = BigInt(await chain.provider.getBlockNumber());
  await revertsWith(arb.executeArbitrage(tokens, opp.borrow, params(factories, 0n, block)), 'Expired');
});

test('the callback called directly, or by a pair we did not call, reverts', async () => {
  const trader = chain.keys.trader.connect(chain.provider);
  const outsider = FlashArbitrage__factory.connect(chain.deployment.arbitrage, trader);
  const data = coder.encode(['address[]', 'address[]'], [[chain.deployment.weth], []]);
  await revertsWith(outsider.uniswapV2Call(chain.deployment.arbitrage, 1n, 0n, data), 'ForeignCallback');
  await revertsWith(outsider.uniswapV2Call(trader.address, 1n, 0n, data), 'ForeignCallback');
  await revertsWith(outsider.onFlashLoan(chain.deployment.arbitrage, chain.deployment.weth, 1n, 0n, data), 'ForeignCallback');
  // A real pair flash-swapping to our contract on someone else's initiative: the pair is genuine, the flow is not ours.
  const pairAddress = chain.deployment.pools[0]!.pair;
  const pair = UniswapV2Pair__factory.connect(pairAddress, trader);
  await revertsWith(pair.swap(0n, 10n ** 18n, chain.deployment.arbitrage, data), 'ForeignCallback');
  // The fund holder can only send stray tokens to the contract; only the owner gets them back.
  const weth = wethOf(new NonceManager(trader));
  await (await weth.deposit({ value: 10n ** 18n })).wait();
  await (await weth.transfer(chain.deployment.arbitrage, 10n ** 18n)).wait();
  await revertsWith(outsider.sweep(chain.deployment.weth), 'NotOwner');
  const owner = FlashArbitrage__factory.connect(chain.deployment.arbitrage, chain.keys.owner.connect(chain.provider));
  const before = await wethOf(chain.provider).balanceOf(chain.keys.owner.address);
  await (await owner.sweep(chain.deployment.weth)).wait();
  assert.equal((await wethOf(chain.provider).balanceOf(chain.keys.owner.address)) - before, 10n ** 18n);
  // and the contract refuses plain ether from anyone but WETH
  await revertsWith(trader.sendTransaction({ to: chain.deployment.arbitrage, value: 1n }), 'ForeignCallback', 'revert');
});

test('the ERC-3156 path repays amount + fee and refuses unknown lenders', async () => {
  const { opp, tokens, factories } = await bestRoute();
  const block = BigInt(await chain.provider.getBlockNumber());
  const lender = new Contract(chain.deployment.lender, ['function flashFee(address,uint256) view returns (uint256)'], chain.provider);
  const amountIn = opp.amountIn;
  const fee: bigint = await lender.getFunction('flashFee')(chain.deployment.weth, amountIn);
  const weth = wethOf(chain.provider);
  const ownerBefore = await weth.balanceOf(chain.keys.owner.address);
  await (await arb.executeArbitrageWithLoan(chain.deployment.lender, tokens, amountIn, params(factories, 1n, block + 1n))).wait();
  const gained = (await weth.balanceOf(chain.keys.owner.address)) - ownerBefore;
  assert.ok(gained > 0n && gained <= opp.profit - fee + 2n, `gained ${gained}, flash-swap profit ${opp.profit}, fee ${fee}`);
  await revertsWith(arb.executeArbitrageWithLoan(chain.keys.trader.address, tokens, amountIn, params(factories, 0n, block + 5n)), 'UnknownLender');
});
