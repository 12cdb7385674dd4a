/**
 * Uniswap V2 pair arithmetic, bit for bit as UniswapV2Library/UniswapV2Pair compute it
 * (integer division, 0.3% fee as 997/1000). All amounts are raw token units.
 */
export const FEE_NUMERATOR = 997n;
export const FEE_DENOMINATOR = 1000n;

/** Output of a swap of `amountIn` into a pair holding (reserveIn, reserveOut). 0n when the trade is impossible. */
export function getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
  if (amountIn <= 0n || reserveIn <= 0n || reserveOut <= 0n) return 0n;
  const amountInWithFee = amountIn * FEE_NUMERATOR;
  return (amountInWithFee * reserveOut) / (reserveIn * FEE_DENOMINATOR + amountInWithFee);
}

/**
 * Input needed to take `amountOut` out of a pair (UniswapV2Library.getAmountIn: floor + 1).
 * undefined when the pair cannot pay that much.
 */
export function getAmountIn(amountOut: bigint, reserveIn: bigint, reserveOut: bigint): bigint | undefined {
  if (amountOut <= 0n || reserveIn <= 0n || amountOut >= reserveOut) return undefined;
  const numerator = reserveIn * amountOut * FEE_DENOMINATOR;
  const denominator = (reserveOut - amountOut) * FEE_NUMERATOR;
  return numerator / denominator + 1n;
}
