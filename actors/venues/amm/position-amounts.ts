import { rangeValue } from '../../amm/economics/range-amounts.js';
import { LIQUIDITY_SCALE, usdPerEth, usdRange } from '../../amm/lp/usd-prices.js';
import { getAmount0Delta, getAmount1Delta } from '../../amm/v3/sqrt-price-math.js';
import { getSqrtRatioAtTick, MAX_TICK, MIN_TICK } from '../../amm/v3/tick-math.js';
import type { MintRequest } from './lp-venue.js';

/**
 * The token amounts of `liquidity` on [tickLower, tickUpper) at `sqrtPriceX96`, as the pool computes them: rounded
 * up what a mint owes, rounded down what a burn pays. USDC (token0) above the price, WETH (token1) below it.
 */
export function positionAmounts(sqrtPriceX96: bigint, tickLower: number, tickUpper: number, liquidity: bigint, roundUp: boolean): { amount0: bigint; amount1: bigint } {
  const sa = getSqrtRatioAtTick(tickLower);
  const sb = getSqrtRatioAtTick(tickUpper);
  const s = sqrtPriceX96 < sa ? sa : sqrtPriceX96 > sb ? sb : sqrtPriceX96;
  return { amount0: getAmount0Delta(s, sb, liquidity, roundUp), amount1: getAmount1Delta(sa, s, liquidity, roundUp) };
}

/** Raw liquidity worth `depositUsd` at the pool price on the tick range (whole-token L = deposit / value of L = 1). */
export function liquidityForDeposit(sqrtPriceX96: bigint, tickLower: number, tickUpper: number, depositUsd: number): bigint {
  const { lower, upper } = usdRange(tickLower, tickUpper);
  return BigInt(Math.floor((depositUsd / rangeValue(1, usdPerEth(sqrtPriceX96), lower, upper)) * LIQUIDITY_SCALE));
}

/** USDC (raw) plus WETH (wei) in dollars at `priceUsd`. */
export function amountsUsd(amount0: bigint, amount1: bigint, priceUsd: number): number {
  return Number(amount0) / 1e6 + (Number(amount1) / 1e18) * priceUsd;
}

/** A mint both venues refuse, as the pool would: ticks off the spacing, out of order or out of range, or no dollars. */
export function checkMintRequest({ fee, tickLower, tickUpper, depositUsd }: MintRequest, tickSpacing: number): void {
  if (!Number.isInteger(tickLower) || !Number.isInteger(tickUpper) || tickLower % tickSpacing !== 0 || tickUpper % tickSpacing !== 0) {
    throw new RangeError(`mint: ticks [${tickLower}, ${tickUpper}) must be integer multiples of the ${fee} pool's spacing ${tickSpacing}`);
  }
  if (tickLower >= tickUpper || tickLower < MIN_TICK || tickUpper > MAX_TICK) throw new RangeError(`mint: need ${MIN_TICK} ≤ tickLower < tickUpper ≤ ${MAX_TICK}, got [${tickLower}, ${tickUpper})`);
  if (!(depositUsd > 0) || !Number.isFinite(depositUsd)) throw new RangeError(`mint: depositUsd ${depositUsd} must be a positive number`);
}
