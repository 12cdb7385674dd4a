import { mulDiv, mulDivRoundingUp } from '../full-math.js';
import { getAmount0Delta, getAmount1Delta, getNextSqrtPriceFromInput, getNextSqrtPriceFromOutput } from './sqrt-price-math.js';

export interface SwapStep {
  sqrtRatioNextX96: bigint;
  amountIn: bigint;
  amountOut: bigint;
  feeAmount: bigint;
}

/** Fees in hundredths of a bip: 500 is 0.05%, 3000 is 0.3%. */
export const FEE_DENOMINATOR = 1_000_000n;

/**
 * One step of a swap inside a range of constant liquidity (SwapMath.computeSwapStep): move from the current price
 * toward the target (the next tick or the price limit), stopping early when the amount runs out. amountRemaining > 0
 * is exact input (the fee is taken from it first), < 0 exact output. The direction is read from the two prices.
 */
export function computeSwapStep(sqrtRatioCurrentX96: bigint, sqrtRatioTargetX96: bigint, liquidity: bigint, amountRemaining: bigint, feePips: number): SwapStep {
  const fee = BigInt(feePips);
  const zeroForOne = sqrtRatioCurrentX96 >= sqrtRatioTargetX96;
  const exactIn = amountRemaining >= 0n;
  const inBetween = (from: bigint, to: bigint, roundUp: boolean) => (zeroForOne ? getAmount0Delta(to, from, liquidity, roundUp) : getAmount1Delta(from, to, liquidity, roundUp));
  const outBetween = (from: bigint, to: bigint) => (zeroForOne ? getAmount1Delta(to, from, liquidity, false) : getAmount0Delta(from, to, liquidity, false));

  let next: bigint;
  let amountIn = 0n;
  let amountOut = 0n;
  if (exactIn) {
    const remainingLessFee = mulDiv(amountRemaining, FEE_DENOMINATOR - fee, FEE_DENOMINATOR);
    amountIn = inBetween(sqrtRatioCurrentX96, sqrtRatioTargetX96, true);
    next = remainingLessFee >= amountIn ? sqrtRatioTargetX96 : getNextSqrtPriceFromInput(sqrtRatioCurrentX96, liquidity, remainingLessFee, zeroForOne);
  } else {
    amountOut = outBetween(sqrtRatioCurrentX96, sqrtRatioTargetX96);
    next = -amountRemaining >= amountOut ? sqrtRatioTargetX96 : getNextSqrtPriceFromOutput(sqrtRatioCurrentX96, liquidity, -amountRemaining, zeroForOne);
  }

  const reached = next === sqrtRatioTargetX96;
  if (!(reached && exactIn)) amountIn = inBetween(sqrtRatioCurrentX96, next, true);
  if (!(reached && !exactIn)) amountOut = outBetween(sqrtRatioCurrentX96, next);
  if (!exactIn && amountOut > -amountRemaining) amountOut = -amountRemaining;

  // Short of the target on exact input, whatever input is left over is all fee.
  const feeAmount = exactIn && !reached ? amountRemaining - amountIn : mulDivRoundingUp(amountIn, fee, FEE_DENOMINATOR - fee);
  return { sqrtRatioNextX96: next, amountIn, amountOut, feeAmount };
}
