import { LIQUIDITY_SCALE, usdPerEth } from '../../amm/lp/usd-prices.js';
import type { SwapSeen } from './lp-venue.js';

/** A swap as the advisor reads it, from the pool after it: its price, the USDC leg, and the in-range value 2L√p. */
export function swapSeen(fee: number, ts: number, sqrtPriceX96: bigint, amount0: bigint, liquidity: bigint): SwapSeen {
  const priceUsd = usdPerEth(sqrtPriceX96);
  return { fee, ts, priceUsd, volumeUsd: Math.abs(Number(amount0)) / 1e6, liquidityUsd: 2 * (Number(liquidity) / LIQUIDITY_SCALE) * Math.sqrt(priceUsd) };
}
