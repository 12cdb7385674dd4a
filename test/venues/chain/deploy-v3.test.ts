import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonRpcProvider } from 'ethers';
import { startAnvil, type AnvilNode } from '../../../actors/venues/chain/anvil.js';
import { localChainKeys } from '../../../actors/venues/chain/keys.js';
import { deployV3, type V3Deployment } from '../../../actors/venues/chain/deploy-v3.js';
import { V3Pool } from '../../../actors/amm/v3/v3-pool.js';
import { getSqrtRatioAtTick } from '../../../actors/amm/v3/tick-math.js';

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

test('our bigint V3 maths gives what the real pool does, to the wei: a swap inside a position, then one that crosses out of it', async () => {
  const pool = v3.pools[3000]!;
  const owner = await localChainKeys().liquidity.getAddress();
  const deadline = 2n ** 40n;
  const center = Math.floor(RECORDED_TICK / 60) * 60;
  const [tickLower, tickUpper] = [center - 600, center + 600];
  await (await v3.positions.mint({
    token0: await v3.token0.getAddress(), token1: await v3.token1.getAddress(), fee: 3000, tickLower, tickUpper,
    amount0Desired: 200_000n * 10n ** 6n, amount1Desired: 100n * 10n ** 18n, amount0Min: 0n, amount1Min: 0n, recipient: owner, deadline,
  })).wait();
  const slot0 = await pool.slot0();
  const ours = new V3Pool({ sqrtPriceX96: slot0.sqrtPriceX96, tick: Number(slot0.tick), liquidity: 0n }, { fee: 3000, tickSpacing: 60 });
  ours.mint(tickLower, tickUpper, await pool.liquidity());
  assert.equal(ours.liquidity, await pool.liquidity());

  const swapOnChain = async (zeroForOne: boolean, amountIn: bigint, sqrtPriceLimitX96: bigint) => {
    const [tokenIn, tokenOut] = zeroForOne ? [v3.token0, v3.token1] : [v3.token1, v3.token0];
    const before = [await v3.token0.balanceOf(await pool.getAddress()), await v3.token1.balanceOf(await pool.getAddress())];
    await (await v3.router.exactInputSingle({ tokenIn: await tokenIn.getAddress(), tokenOut: await tokenOut.getAddress(), fee: 3000, recipient: owner, deadline, amountIn, amountOutMinimum: 0n, sqrtPriceLimitX96 })).wait();
    const after = [await v3.token0.balanceOf(await pool.getAddress()), await v3.token1.balanceOf(await pool.getAddress())];
    return { amount0: after[0]! - before[0]!, amount1: after[1]! - before[1]!, slot0: await pool.slot0(), liquidity: await pool.liquidity() };
  };

  // 5 WETH in: the price rises inside the range.
  const small = ours.swap({ zeroForOne: false, amountSpecified: 5n * 10n ** 18n });
  const chainSmall = await swapOnChain(false, 5n * 10n ** 18n, 0n);
  assert.deepEqual([small.amount0, small.amount1, small.sqrtPriceX96, small.tick, small.liquidity], [chainSmall.amount0, chainSmall.amount1, chainSmall.slot0.sqrtPriceX96, Number(chainSmall.slot0.tick), chainSmall.liquidity]);

  // Much more USDC in, limited past the range's lower tick: the swap crosses it and the pool is left with no liquidity.
  const limit = getSqrtRatioAtTick(tickLower - 120);
  const big = ours.swap({ zeroForOne: true, amountSpecified: 10n ** 12n, sqrtPriceLimitX96: limit });
  const chainBig = await swapOnChain(true, 10n ** 12n, limit);
  assert.deepEqual([big.amount0, big.amount1, big.sqrtPriceX96, big.tick, big.liquidity], [chainBig.amount0, chainBig.amount1, chainBig.slot0.sqrtPriceX96, Number(chainBig.slot0.tick), chainBig.liquidity]);
  assert.equal(big.liquidity, 0n, 'out of the only position');
  assert.ok(big.crossings.some((c) => c.tick === tickLower), 'it crossed the lower tick');
});
