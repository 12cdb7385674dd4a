import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amountsUsd, liquidityForDeposit, positionAmounts } from '../../../actors/venues/amm/position-amounts.js';
import { usdPerEth } from '../../../actors/amm/lp/usd-prices.js';
import { getSqrtRatioAtTick } from '../../../actors/amm/v3/tick-math.js';

// The 0.05% pool's first recorded swap on 2024-01-05 left it at tick 199045, ~$2,269.7 per ETH.
const SQRT_PRICE = 1662995104975155420368771254341874n;
const PRICE = usdPerEth(SQRT_PRICE);

test('the liquidity for a deposit is worth the deposit at the pool price, in range and on either side of it', () => {
  for (const [lower, upper, only] of [[198_500, 199_600, 'both'], [199_100, 199_600, 'usdc'], [198_500, 199_000, 'weth']] as const) {
    const liquidity = liquidityForDeposit(SQRT_PRICE, lower, upper, 50_000);
    const { amount0, amount1 } = positionAmounts(SQRT_PRICE, lower, upper, liquidity, true);
    assert.ok(Math.abs(amountsUsd(amount0, amount1, PRICE) - 50_000) < 0.01, `[${lower}, ${upper}): $${amountsUsd(amount0, amount1, PRICE)}`);
    // Above the price (higher ticks, lower dollar prices of ETH) the position is all USDC, below it all WETH.
    assert.equal(amount0 > 0n, only !== 'weth');
    assert.equal(amount1 > 0n, only !== 'usdc');
  }
});

test('amounts are the pool\'s rounding: a mint owes at most one unit more than a burn pays', () => {
  const [lower, upper] = [198_500, 199_600];
  const up = positionAmounts(SQRT_PRICE, lower, upper, 10n ** 18n, true);
  const down = positionAmounts(SQRT_PRICE, lower, upper, 10n ** 18n, false);
  assert.ok(up.amount0 - down.amount0 <= 1n && up.amount0 >= down.amount0);
  assert.ok(up.amount1 - down.amount1 <= 1n && up.amount1 >= down.amount1);
  // At the lower tick's price the position is all token0 (USDC).
  assert.equal(positionAmounts(getSqrtRatioAtTick(lower), lower, upper, 10n ** 18n, false).amount1, 0n);
});
