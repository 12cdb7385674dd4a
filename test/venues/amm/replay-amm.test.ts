import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lpDay } from '../../../actors/amm/lp/lp-day.js';
import { readPoolEvents } from '../../../actors/amm/v3/pool-events.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { LP_GAS } from '../../../actors/venues/amm/lp-gas.js';
import { replayAmm } from '../../../actors/venues/amm/replay-amm.js';

const POOL_500 = 'data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv';
const POOL_3000 = 'data/dex/uniswap_v3_usdc_weth_3000_0x8ad5_2024-01-05_events.csv';

test('stepping the 0.05% day: every recorded swap, ending at the last swap’s price and tick', async () => {
  const events = readPoolEvents(POOL_500);
  const swaps = events.filter((e) => e.kind === 'SWAP');
  const { market } = replayAmm([POOL_500], { gasPriceGwei: 10 });
  let seen = 0;
  let steps = 0;
  let lastBlock = 0;
  let pool;
  for (let step = await market.next(); step; step = await market.next()) {
    assert.ok(step.block > lastBlock, 'blocks ascend');
    lastBlock = step.block;
    steps++;
    seen += step.swaps.length;
    pool = step.pools[0]!;
  }
  const last = swaps.at(-1)!;
  assert.equal(seen, 6046);
  assert.equal(seen, swaps.length);
  assert.equal(pool!.sqrtPriceX96, last.sqrtPriceX96);
  assert.equal(pool!.tick, last.tick);
  assert.equal(lastBlock, last.blockNumber);
  assert.deepEqual(market.progress(), { done: steps, total: new Set(swaps.map((e) => e.blockNumber)).size });
});

test('both pools merged by block: each step holds the swaps of its block, priced and sized as lp-day does', async () => {
  const { market, venue } = replayAmm([POOL_3000, POOL_500], { gasPriceGwei: 10 });
  assert.deepEqual(venue.fees, [500, 3000]);
  const step = (await market.next())!;
  assert.equal(step.block, 18937382);
  assert.equal(step.ts, 1704412823000);
  assert.deepEqual(step.swaps.map((s) => s.fee), [500, 500]);
  const s = step.swaps[1]!;
  assert.ok(s.priceUsd > 2_200 && s.priceUsd < 2_300, `${s.priceUsd}`);
  assert.equal(s.priceUsd, venue.pool(500).priceUsd);
  assert.ok(s.volumeUsd > 0 && s.liquidityUsd > 1e7, `${s.volumeUsd} on ${s.liquidityUsd}`);
  assert.deepEqual(step.pools.map((p) => p.fee), [3000, 500]);
  let swaps = 2;
  for (let st = await market.next(); st; st = await market.next()) swaps += st.swaps.length;
  assert.equal(swaps, 6046 + 267);
});

test('a mint then a burn in the same step returns the deposit less rounding, with no fees; gas at the pool price', async () => {
  const { market, venue } = replayAmm([POOL_500], { gasPriceGwei: 20 });
  const step = (await market.next())!;
  const pool = venue.pool(500);
  const center = Math.round(pool.tick / 10) * 10;
  const minted = await venue.mint({ fee: 500, tickLower: center - 300, tickUpper: center + 300, depositUsd: 100_000 });
  assert.equal(minted.positionId, 'replay-1');
  assert.equal(minted.block, step.block);
  assert.equal(minted.ts, step.ts);
  assert.ok(minted.amount0 > 0n && minted.amount1 > 0n);
  assert.ok(Math.abs(minted.depositedUsd - 100_000) < 0.01, `${minted.depositedUsd}`);
  assert.equal(minted.gasUsd, Number(LP_GAS.mint) * 20e-9 * pool.priceUsd);
  assert.deepEqual(venue.open(), ['replay-1']);
  const mark = await venue.mark('replay-1');
  assert.equal(mark.feesUsd, 0);
  const burned = await venue.burn('replay-1');
  assert.ok(minted.amount0 - burned.amount0 >= 0n && minted.amount0 - burned.amount0 <= 2n, `${minted.amount0} - ${burned.amount0}`);
  assert.ok(minted.amount1 - burned.amount1 >= 0n && minted.amount1 - burned.amount1 <= 2n, `${minted.amount1} - ${burned.amount1}`);
  assert.equal(burned.fees0, 0n);
  assert.equal(burned.fees1, 0n);
  assert.equal(burned.gasUsed, LP_GAS.burn);
  assert.equal(burned.gasUsd, Number(LP_GAS.burn) * 20e-9 * pool.priceUsd);
  assert.deepEqual(venue.open(), []);
  await assert.rejects(venue.burn('replay-1'), /already burned/);
});

test('a position held through the 0.05% day earns what lpDay gives for the same deposit and range', async () => {
  const day = lpDay(readPoolEvents(POOL_500), { fee: 500, tickSpacing: 10 }, { depositUsd: 1_000_000, halfWidthTicks: 300 });
  const { market, venue } = replayAmm([POOL_500], { gasPriceGwei: 10 });
  await market.next();
  const { positionId } = await venue.mint({ fee: 500, tickLower: day.position.tickLower, tickUpper: day.position.tickUpper, depositUsd: 1_000_000 });
  let midway = 0;
  for (let step = await market.next(); step; step = await market.next()) {
    if (market.progress().done === Math.floor(market.progress().total / 2)) midway = (await venue.mark(positionId)).feesUsd;
  }
  const mark = await venue.mark(positionId);
  const burned = await venue.burn(positionId);
  assert.ok(midway > 0 && midway < burned.feesUsd);
  assert.equal(mark.feesUsd, burned.feesUsd);
  assert.ok(Math.abs(mark.valueUsd - (burned.withdrawnUsd + burned.feesUsd)) < 1e-6);
  assert.ok(Math.abs(burned.feesUsd / day.lpFeesUsd - 1) < 0.01, `replay ${burned.feesUsd} against lpDay ${day.lpFeesUsd}`);
});

test('bad ticks, an unknown tier, a mint before the first step and bad files are refused', async () => {
  const { market, venue } = replayAmm([POOL_500], { gasPriceGwei: 10 });
  await assert.rejects(venue.mint({ fee: 500, tickLower: 199000, tickUpper: 199100, depositUsd: 1 }), /not stepped/);
  await market.next();
  await assert.rejects(venue.mint({ fee: 500, tickLower: 199005, tickUpper: 199100, depositUsd: 1_000 }), (e) => e instanceof RangeError && /199005/.test(e.message));
  await assert.rejects(venue.mint({ fee: 500, tickLower: 199100, tickUpper: 199000, depositUsd: 1_000 }), (e) => e instanceof RangeError && /199100/.test(e.message));
  await assert.rejects(venue.mint({ fee: 3000, tickLower: 198960, tickUpper: 199020, depositUsd: 1_000 }), /no pool of fee tier 3000/);
  assert.throws(() => venue.pool(3000), /no pool of fee tier 3000/);
  await assert.rejects(venue.burn('replay-9'), /no position replay-9/);
  assert.throws(() => replayAmm(['data/dex/usdc_weth_events.csv'], { gasPriceGwei: 10 }), (e) => e instanceof InputError && /usdc_weth_events\.csv/.test(e.message));
  assert.throws(() => replayAmm([POOL_500, POOL_500], { gasPriceGwei: 10 }), (e) => e instanceof InputError && /fee tier 500/.test(e.message));
});

test('stepping the whole day of both pools is quick', async () => {
  const t0 = performance.now();
  const { market } = replayAmm([POOL_500, POOL_3000], { gasPriceGwei: 10 });
  const t1 = performance.now();
  while (await market.next());
  const t2 = performance.now();
  console.log(`load+learn ${(t1 - t0).toFixed(0)} ms, stepping ${(t2 - t1).toFixed(0)} ms, ${market.progress().done} steps`);
  assert.ok(t2 - t1 < 3_000);
});
