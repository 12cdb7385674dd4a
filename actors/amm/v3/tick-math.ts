import { isqrt } from '../isqrt.js';

/**
 * Ticks and sqrt prices as TickMath does it: sqrtPriceX96 = sqrt(1.0001^tick)·2^96, computed as a product of
 * Q128 factors 1/sqrt(1.0001)^(2^i), one per set bit of |tick|, each product truncated to 128 bits, inverted for
 * positive ticks and rounded up from Q128.128 to Q64.96.
 */
export const MIN_TICK = -887272;
export const MAX_TICK = 887272;
export const MIN_SQRT_RATIO = 4295128739n;
export const MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342n;

const MAX_UINT256 = (1n << 256n) - 1n;

/**
 * The 20 factors round(2^128 / 1.0001^(2^i / 2)), i = 0..19, derived here at 600 bits of precision (by repeated
 * squaring of 1/sqrt(1.0001)); test/amm/v3/tick-math.test.ts checks them against the contract's literals.
 */
export const TICK_FACTORS: readonly bigint[] = (() => {
  const bits = 600n;
  const dropped = bits - 128n;
  let r = isqrt((10000n << (2n * bits)) / 10001n);
  const out: bigint[] = [];
  for (let i = 0; i < 20; i++) {
    out.push((r + (1n << (dropped - 1n))) >> dropped);
    r = (r * r) >> bits;
  }
  return out;
})();

/** sqrt(1.0001^tick)·2^96 exactly as the contract rounds it; throws beyond ±MAX_TICK. */
export function getSqrtRatioAtTick(tick: number): bigint {
  if (!Number.isInteger(tick) || tick < MIN_TICK || tick > MAX_TICK) throw new RangeError(`tick ${tick} outside [${MIN_TICK}, ${MAX_TICK}]`);
  const abs = Math.abs(tick);
  let ratio = abs & 1 ? TICK_FACTORS[0]! : 1n << 128n;
  for (let i = 1; i < 20; i++) if (abs & (1 << i)) ratio = (ratio * TICK_FACTORS[i]!) >> 128n;
  if (tick > 0) ratio = MAX_UINT256 / ratio;
  return (ratio >> 32n) + ((ratio & 0xffffffffn) === 0n ? 0n : 1n);
}

const LOG_TICK_BASE = Math.log(1.0001);
const LOG_Q96 = 96 * Math.LN2;

/**
 * The greatest tick whose sqrt ratio is ≤ sqrtPriceX96 (what TickMath.getTickAtSqrtRatio returns), found from a
 * float estimate and settled with exact getSqrtRatioAtTick comparisons. Throws outside [MIN_SQRT_RATIO, MAX_SQRT_RATIO).
 */
export function getTickAtSqrtRatio(sqrtPriceX96: bigint): number {
  if (sqrtPriceX96 < MIN_SQRT_RATIO || sqrtPriceX96 >= MAX_SQRT_RATIO) throw new RangeError(`sqrtPriceX96 ${sqrtPriceX96} outside [MIN_SQRT_RATIO, MAX_SQRT_RATIO)`);
  let tick = Math.floor((2 * (Math.log(Number(sqrtPriceX96)) - LOG_Q96)) / LOG_TICK_BASE);
  tick = Math.min(MAX_TICK - 1, Math.max(MIN_TICK, tick));
  while (tick > MIN_TICK && getSqrtRatioAtTick(tick) > sqrtPriceX96) tick--;
  while (tick < MAX_TICK - 1 && getSqrtRatioAtTick(tick + 1) <= sqrtPriceX96) tick++;
  return tick;
}
