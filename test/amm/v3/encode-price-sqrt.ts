import { isqrt } from '../../../actors/amm/isqrt.js';

/**
 * The v3-core tests' encodePriceSqrt(reserve1, reserve0): bignumber.js takes the ratio and its square root to 20
 * decimal places (rounding half up), times 2^96, floored. Reproduced so their expected numbers apply unchanged.
 */
export function encodePriceSqrt(reserve1: bigint, reserve0: bigint): bigint {
  const scale = 10n ** 20n;
  const ratio = (reserve1 * scale) / reserve0; // the quotients used in these tests are exact at 20 places
  const sqrt21 = isqrt(ratio * scale * 100n); // sqrt(ratio) · 10^21, floored
  const sqrt20 = (sqrt21 + 5n) / 10n;
  return (sqrt20 << 96n) / scale;
}
