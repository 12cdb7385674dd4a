import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Q128 } from '../../../actors/amm/full-math.js';
import { getSqrtRatioAtTick } from '../../../actors/amm/v3/tick-math.js';
import { V3Pool } from '../../../actors/amm/v3/v3-pool.js';

const E18 = 10n ** 18n;

function pool(): V3Pool {
  const p = new V3Pool({ sqrtPriceX96: getSqrtRatioAtTick(0), tick: 0, liquidity: 0n }, { fee: 3000, tickSpacing: 60 });
  p.mint(-600, 600, 10n * E18);
  p.mint(-120, 120, 5n * E18);
  return p;
}

test('mint in range adds active liquidity and asks for both tokens, rounded up; burn returns them rounded down', () => {
  const p = new V3Pool({ sqrtPriceX96: getSqrtRatioAtTick(0), tick: 0, liquidity: 0n }, { fee: 3000, tickSpacing: 60 });
  const paid = p.mint(-600, 600, 10n * E18);
  assert.equal(p.liquidity, 10n * E18);
  assert.ok(paid.amount0 > 0n && paid.amount1 > 0n);
  const back = p.burn(-600, 600, 10n * E18);
  assert.ok(paid.amount0 - back.amount0 >= 0n && paid.amount0 - back.amount0 <= 1n);
  assert.equal(p.liquidity, 0n);
  assert.deepEqual(p.ticks.initialized(), []);
  assert.throws(() => p.mint(-601, 600, 1n), /multiple of the tick spacing/);
});

test('a swap crosses initialized ticks and applies their liquidityNet in the direction of travel', () => {
  const p = pool();
  assert.equal(p.liquidity, 15n * E18);
  const r = p.swap({ zeroForOne: true, amountSpecified: E18 / 5n });
  assert.ok(r.tick < -120 && r.tick >= -600, `tick ${r.tick}`);
  assert.deepEqual(r.crossings.map((c) => c.tick), [-120]);
  assert.equal(p.liquidity, 10n * E18);
  assert.equal(r.amount0, E18 / 5n);
  assert.ok(r.amount1 < 0n);
  const back = p.swap({ zeroForOne: false, amountSpecified: (-r.amount1 * 11n) / 10n });
  assert.deepEqual(back.crossings.map((c) => c.tick), [-120]);
  assert.ok(back.tick >= -120 && back.tick < 120, `tick ${back.tick}`);
  assert.equal(p.liquidity, 15n * E18);
});

test('a price limit stops the swap at that price, with the amount that gets there', () => {
  const p = pool();
  const limit = getSqrtRatioAtTick(-60);
  const r = p.quoteSwap({ zeroForOne: true, amountSpecified: 10n * E18, sqrtPriceLimitX96: limit });
  assert.equal(r.sqrtPriceX96, limit);
  assert.ok(r.amount0 < 10n * E18);
  assert.equal(p.sqrtPriceX96, getSqrtRatioAtTick(0), 'quoteSwap changes nothing');
  assert.throws(() => p.quoteSwap({ zeroForOne: true, amountSpecified: 1n, sqrtPriceLimitX96: getSqrtRatioAtTick(60) }), /price limit/);
});

test('exact output pays out exactly the amount asked', () => {
  const p = pool();
  const r = p.swap({ zeroForOne: false, amountSpecified: -E18 / 10n });
  assert.equal(r.amount0, -E18 / 10n);
  assert.ok(r.amount1 > E18 / 10n);
});

test('fee growth: the fee of each step over the active liquidity, and feeGrowthInside follows crossings', () => {
  const p = pool();
  const r = p.swap({ zeroForOne: true, amountSpecified: E18 / 100n }); // stays above -120: one step, fee on token0
  assert.equal(r.crossings.length, 0);
  const fee = (E18 / 100n) * 3000n / 1_000_000n; // ≈ the fee; the step takes the exact remainder
  const growth = p.feeGrowthGlobal0X128;
  assert.ok(growth > 0n && p.feeGrowthGlobal1X128 === 0n);
  assert.ok(Math.abs(Number((growth * 15n * E18) / Q128 - fee)) <= 1);
  const [inside0] = p.feeGrowthInside(-120, 120);
  assert.equal(inside0, growth, 'all of it inside a range holding the price');
  const [outside0] = p.feeGrowthInside(120, 600);
  assert.equal(outside0, 0n, 'none of it in a range above the price');
  p.swap({ zeroForOne: true, amountSpecified: E18 / 5n });
  const [after0] = p.feeGrowthInside(-120, 120);
  assert.ok(after0 > growth && after0 < p.feeGrowthGlobal0X128, 'the wide range earns on, the narrow one stopped at -120');
});
