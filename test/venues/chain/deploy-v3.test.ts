import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonRpcProvider } from 'ethers';
import { startAnvil, type AnvilNode } from '../../../actors/venues/chain/anvil.js';
import { localChainKeys } from '../../../actors/venues/chain/keys.js';
import { deployV3, type V3Deployment } from '../../../actors/venues/chain/deploy-v3.js';

// The first recorded swap of the USDC/WETH 0.05% pool on 2024-01-05 left it here (data/dex): ~2,269.7 USDC per ETH.
const RECORDED_SQRT_PRICE = 1662995104975155420368771254341874n;
const RECORDED_TICK = 199045;

let anvil: AnvilNode;
let provider: JsonRpcProvider;
let v3: V3Deployment;
before(async () => {
  anvil = await startAnvil({ blockTimestampInterval: 12 });
  provider = new JsonRpcProvider(anvil.url);
  v3 = await deployV3(provider, localChainKeys().liquidity, [{ fee: 500, sqrtPriceX96: RECORDED_SQRT_PRICE }, { fee: 3000, sqrtPriceX96: RECORDED_SQRT_PRICE }]);
});
after(async () => {
  provider?.destroy();
  await anvil?.stop();
});

test('the real V3 factory creates both fee tiers at the recorded price and tick', async () => {
  for (const fee of [500, 3000]) {
    const slot0 = await v3.pools[fee]!.slot0();
    assert.equal(slot0.sqrtPriceX96, RECORDED_SQRT_PRICE);
    assert.equal(Number(slot0.tick), RECORDED_TICK);
    assert.equal(Number(await v3.pools[fee]!.fee()), fee);
  }
  assert.equal(Number(await v3.pools[500]!.tickSpacing()), 10);
  assert.equal(Number(await v3.pools[3000]!.tickSpacing()), 60);
});

test('a position minted around the price through the position manager gives the pool active liquidity; a swap through the router moves the price the way it pays', async () => {
  const pool = v3.pools[500]!;
  const owner = await localChainKeys().liquidity.getAddress();
  const deadline = 2n ** 40n;
  await (await v3.positions.mint({
    token0: await v3.token0.getAddress(), token1: await v3.token1.getAddress(), fee: 500,
    tickLower: RECORDED_TICK - 1_005, tickUpper: RECORDED_TICK + 1_005,
    amount0Desired: 1_000_000n * 10n ** 6n, amount1Desired: 500n * 10n ** 18n, amount0Min: 0n, amount1Min: 0n, recipient: owner, deadline,
  })).wait();
  const liquidity = await pool.liquidity();
  assert.ok(liquidity > 0n, 'active liquidity after the mint');
  const before = (await pool.slot0()).sqrtPriceX96;
  // Paying token1 (WETH) in raises sqrt(token1/token0).
  await (await v3.router.exactInputSingle({
    tokenIn: await v3.token1.getAddress(), tokenOut: await v3.token0.getAddress(), fee: 500, recipient: owner, deadline,
    amountIn: 10n ** 18n, amountOutMinimum: 0n, sqrtPriceLimitX96: 0n,
  })).wait();
  const after = (await pool.slot0()).sqrtPriceX96;
  assert.ok(after > before, `${after} > ${before}`);
  assert.equal(await pool.liquidity(), liquidity, 'no tick crossed: the same active liquidity');
});
