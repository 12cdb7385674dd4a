import { getSqrtRatioAtTick } from '../v3/tick-math.js';

const Q96 = 2 ** 96;

/**
 * A USDC/WETH pool's raw prices in dollars: token0 is USDC (6 decimals), token1 WETH (18), so the pool's price
 * token1/token0 in raw units is wei per micro-dollar, and the dollar price of ETH is 10¹² / that.
 */
export function usdPerEth(sqrtPriceX96: bigint): number {
  const s = Number(sqrtPriceX96) / Q96;
  return 1e12 / (s * s);
}

/** A tick range as a dollar range of ETH: the upper tick is the lower dollar price. */
export function usdRange(tickLower: number, tickUpper: number): { lower: number; upper: number } {
  return { lower: usdPerEth(getSqrtRatioAtTick(tickUpper)), upper: usdPerEth(getSqrtRatioAtTick(tickLower)) };
}

/**
 * Liquidity in units where amounts are whole tokens (ETH, USDC): L_raw / √(10⁶·10¹⁸). With ETH as the risky asset
 * and dollars as the numeraire, the V3 amounts are then ETH = L(1/√p − 1/√p_upper), USDC = L(√p − √p_lower).
 */
export const LIQUIDITY_SCALE = 1e12;
