import { divRoundingUp, MAX_UINT160, MAX_UINT256, mulDiv, mulDivRoundingUp, Q96 } from '../full-math.js';

/**
 * Prices and amounts over a range of constant liquidity L, as SqrtPriceMath does it, with the contract's rounding:
 * a price moves by no more than the amount allows (input) or at least as far as it must (output), and an amount is
 * rounded up when the pool is paid and down when it pays.
 *   token0: Δx = L·2^96·(√b − √a)/(√a·√b)      token1: Δy = L·(√b − √a)/2^96
 */

function toUint160(x: bigint, what: string): bigint {
  if (x < 0n || x > MAX_UINT160) throw new RangeError(`${what}: ${x} does not fit in uint160`);
  return x;
}

/** Price after adding (or removing) `amount` of token0: L·√P / (L + amount·√P/2^96), rounded up. */
export function getNextSqrtPriceFromAmount0RoundingUp(sqrtPX96: bigint, liquidity: bigint, amount: bigint, add: boolean): bigint {
  if (amount === 0n) return sqrtPX96;
  const numerator1 = liquidity << 96n;
  const product = amount * sqrtPX96;
  if (add) {
    // The contract takes the precise form while amount·√P and the sum stay inside uint256, else a form that cannot overflow.
    if (product <= MAX_UINT256 && numerator1 + product <= MAX_UINT256) return mulDivRoundingUp(numerator1, sqrtPX96, numerator1 + product);
    const denominator = numerator1 / sqrtPX96 + amount;
    if (denominator > MAX_UINT256) throw new RangeError('getNextSqrtPriceFromAmount0RoundingUp: overflow');
    return divRoundingUp(numerator1, denominator);
  }
  if (product > MAX_UINT256 || numerator1 <= product) throw new RangeError('getNextSqrtPriceFromAmount0RoundingUp: removing more token0 than the range holds');
  return toUint160(mulDivRoundingUp(numerator1, sqrtPX96, numerator1 - product), 'getNextSqrtPriceFromAmount0RoundingUp');
}

/** Price after adding (or removing) `amount` of token1: √P ± amount·2^96/L, rounded down. */
export function getNextSqrtPriceFromAmount1RoundingDown(sqrtPX96: bigint, liquidity: bigint, amount: bigint, add: boolean): bigint {
  if (add) return toUint160(sqrtPX96 + mulDiv(amount, Q96, liquidity), 'getNextSqrtPriceFromAmount1RoundingDown');
  const quotient = mulDivRoundingUp(amount, Q96, liquidity);
  if (sqrtPX96 <= quotient) throw new RangeError('getNextSqrtPriceFromAmount1RoundingDown: removing more token1 than the range holds');
  return sqrtPX96 - quotient;
}

function checkPriceAndLiquidity(sqrtPX96: bigint, liquidity: bigint): void {
  if (sqrtPX96 <= 0n) throw new RangeError('sqrtPX96 must be > 0');
  if (liquidity <= 0n) throw new RangeError('liquidity must be > 0');
}

/** Price after `amountIn` is paid in (token0 when zeroForOne), never past the exact price. */
export function getNextSqrtPriceFromInput(sqrtPX96: bigint, liquidity: bigint, amountIn: bigint, zeroForOne: boolean): bigint {
  checkPriceAndLiquidity(sqrtPX96, liquidity);
  return zeroForOne
    ? getNextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity, amountIn, true)
    : getNextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity, amountIn, true);
}

/** Price after `amountOut` is paid out (token1 when zeroForOne), at least as far as the exact price. */
export function getNextSqrtPriceFromOutput(sqrtPX96: bigint, liquidity: bigint, amountOut: bigint, zeroForOne: boolean): bigint {
  checkPriceAndLiquidity(sqrtPX96, liquidity);
  return zeroForOne
    ? getNextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity, amountOut, false)
    : getNextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity, amountOut, false);
}

/** token0 between two prices for liquidity L ≥ 0 (order of the prices does not matter). */
export function getAmount0Delta(sqrtRatioAX96: bigint, sqrtRatioBX96: bigint, liquidity: bigint, roundUp: boolean): bigint {
  const [a, b] = sqrtRatioAX96 > sqrtRatioBX96 ? [sqrtRatioBX96, sqrtRatioAX96] : [sqrtRatioAX96, sqrtRatioBX96];
  if (a <= 0n) throw new RangeError('getAmount0Delta: price must be > 0');
  const numerator1 = liquidity << 96n;
  const numerator2 = b - a;
  return roundUp ? divRoundingUp(mulDivRoundingUp(numerator1, numerator2, b), a) : mulDiv(numerator1, numerator2, b) / a;
}

/** token1 between two prices for liquidity L ≥ 0. */
export function getAmount1Delta(sqrtRatioAX96: bigint, sqrtRatioBX96: bigint, liquidity: bigint, roundUp: boolean): bigint {
  const [a, b] = sqrtRatioAX96 > sqrtRatioBX96 ? [sqrtRatioBX96, sqrtRatioAX96] : [sqrtRatioAX96, sqrtRatioBX96];
  return roundUp ? mulDivRoundingUp(liquidity, b - a, Q96) : mulDiv(liquidity, b - a, Q96);
}

/** Signed token0 for a liquidity change: owed to the pool (rounded up) when adding, paid out (rounded down, negative) when removing. */
export function getAmount0DeltaSigned(sqrtRatioAX96: bigint, sqrtRatioBX96: bigint, liquidity: bigint): bigint {
  return liquidity < 0n ? -getAmount0Delta(sqrtRatioAX96, sqrtRatioBX96, -liquidity, false) : getAmount0Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity, true);
}

/** Signed token1 for a liquidity change, rounded as getAmount0DeltaSigned. */
export function getAmount1DeltaSigned(sqrtRatioAX96: bigint, sqrtRatioBX96: bigint, liquidity: bigint): bigint {
  return liquidity < 0n ? -getAmount1Delta(sqrtRatioAX96, sqrtRatioBX96, -liquidity, false) : getAmount1Delta(sqrtRatioAX96, sqrtRatioBX96, liquidity, true);
}
