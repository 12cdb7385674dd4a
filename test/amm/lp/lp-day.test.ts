import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPoolEvents } from '../../../actors/amm/v3/pool-events.js';
import { replayEvents } from '../../../actors/amm/v3/replay-events.js';
import { lpDay, pathShareInRange } from '../../../actors/amm/lp/lp-day.js';
import { usdPerEth } from '../../../actors/amm/lp/usd-prices.js';

const POOL_3000 = 'data/dex/uniswap_v3_usdc_weth_3000_0x8ad5_2024-01-05_events.csv';
const Q128 = 2n ** 128n;

test('the share of a √price move inside a range', () => {
  assert.equal(pathShareInRange(10n, 20n, 0n, 100n), 1);
  assert.equal(pathShareInRange(10n, 20n, 15n, 100n), 0.5);
  assert.equal(pathShareInRange(20n, 10n, 0n, 12n), 0.2, 'either direction');
  assert.equal(pathShareInRange(10n, 20n, 30n, 40n), 0);
  assert.equal(pathShareInRange(15n, 15n, 10n, 20n), 1, 'no move, inside');
  assert.equal(pathShareInRange(15n, 15n, 20n, 30n), 0, 'no move, outside');
});

test("the pool's fee growth, times the liquidity it was earned on, adds up to what the swaps paid (units, Q128 and decimals agree)", () => {
  const events = readPoolEvents(POOL_3000);
  let paidUsd = 0;
  let grownUsd = 0;
  let prev: { g0: bigint; g1: bigint; liquidity: bigint } | undefined;
  replayEvents(events, { fee: 3000, tickSpacing: 60 }, (e, pool) => {
    if (e.kind !== 'SWAP') return;
    const price = usdPerEth(pool.sqrtPriceX96);
    if (prev) {
      paidUsd += ((e.amount0 > 0n ? Number(e.amount0) / 1e6 : (Number(e.amount1) / 1e18) * price) * 3000) / 1e6;
      grownUsd += Number(((pool.feeGrowthGlobal0X128 - prev.g0) * prev.liquidity) / Q128) / 1e6 + (Number(((pool.feeGrowthGlobal1X128 - prev.g1) * prev.liquidity) / Q128) / 1e18) * price;
    }
    prev = { g0: pool.feeGrowthGlobal0X128, g1: pool.feeGrowthGlobal1X128, liquidity: pool.liquidity };
  });
  // Swaps that cross ticks earn on the liquidity of each step, not the one before: a small difference.
  assert.ok(Math.abs(grownUsd - paidUsd) / paidUsd < 0.01, `fee growth ${grownUsd} against paid ${paidUsd}`);
});

test('a day of the 0.3% pool: fees are 0.3% of volume; the position earns a share of them, is never worth more than holding, and LVR is a loss', () => {
  const day = lpDay(readPoolEvents(POOL_3000), { fee: 3000, tickSpacing: 60 }, { depositUsd: 1_000_000, halfWidthTicks: 300 });
  assert.equal(day.swaps, 266);
  // Fees are on what was paid in; volume is the dollar leg, which differs from it by the fee and the move.
  assert.ok(Math.abs(day.feesUsd / day.volumeUsd / 0.003 - 1) < 0.01, `${day.feesUsd} on ${day.volumeUsd}`);
  assert.ok(day.lpFeesUsd > 0 && day.lpFeesUsd < day.feesUsd, `${day.lpFeesUsd} of ${day.feesUsd}`);
  assert.ok(day.ilUsd <= 0, 'a range position is never worth more than holding what it started with');
  assert.ok(day.lvrUsd > 0, 'the rebalancing portfolio beats the position');
  assert.equal(day.lpNetUsd, day.lpFeesUsd + day.ilUsd);
  assert.equal(day.lpNetOfLvrUsd, day.lpFeesUsd - day.lvrUsd);
  assert.ok(day.position.timeInRange > 0 && day.position.timeInRange <= 1);
  const [lo, hi] = day.position.rangeUsd;
  assert.ok(lo < hi && lo < 2_300 && hi > 2_200, `range ${lo}–${hi} around the day's ~2,270 $/ETH`);
  assert.equal(day.samples.length, day.swaps, "one sample after each replayed swap");
  assert.ok(day.advisor.recommended === 'model');
});

test('a wider range earns less per dollar in fees and loses less to LVR', () => {
  const events = readPoolEvents(POOL_3000);
  const narrow = lpDay(events, { fee: 3000, tickSpacing: 60 }, { depositUsd: 1_000_000, halfWidthTicks: 300 });
  const wide = lpDay(events, { fee: 3000, tickSpacing: 60 }, { depositUsd: 1_000_000, halfWidthTicks: 3_000 });
  assert.ok(wide.lpFeesUsd < narrow.lpFeesUsd);
  assert.ok(wide.lvrUsd < narrow.lvrUsd);
});
