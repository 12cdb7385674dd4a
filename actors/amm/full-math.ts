/**
 * 256-bit unsigned arithmetic as Solidity's FullMath does it: a·b/d with a 512-bit intermediate, the result required
 * to fit in uint256. bigint has no overflow, so the only work is the range checks and the rounding.
 */
export const MAX_UINT256 = (1n << 256n) - 1n;
export const MAX_UINT160 = (1n << 160n) - 1n;
export const MAX_UINT128 = (1n << 128n) - 1n;
export const Q96 = 1n << 96n;
export const Q128 = 1n << 128n;

/** Throws the way a Solidity `require` would, with the library's reason. */
function fail(what: string): never {
  throw new RangeError(what);
}

/** floor(a·b/denominator); throws when denominator is 0 or the result does not fit in uint256 (FullMath.mulDiv). */
export function mulDiv(a: bigint, b: bigint, denominator: bigint): bigint {
  if (denominator === 0n) fail('mulDiv: denominator 0');
  const q = (a * b) / denominator;
  if (q > MAX_UINT256) fail('mulDiv: result overflows uint256');
  return q;
}

/** ceil(a·b/denominator), same conditions (FullMath.mulDivRoundingUp). */
export function mulDivRoundingUp(a: bigint, b: bigint, denominator: bigint): bigint {
  if (denominator === 0n) fail('mulDivRoundingUp: denominator 0');
  const product = a * b;
  const q = product / denominator;
  const up = product % denominator === 0n ? q : q + 1n;
  if (up > MAX_UINT256) fail('mulDivRoundingUp: result overflows uint256');
  return up;
}

/** ceil(x/y) for y > 0 (UnsafeMath.divRoundingUp). */
export function divRoundingUp(x: bigint, y: bigint): bigint {
  const q = x / y;
  return x % y === 0n ? q : q + 1n;
}

/** x as uint256 arithmetic wraps it: fee growth counters are allowed to overflow. */
export function wrapUint256(x: bigint): bigint {
  return x & MAX_UINT256;
}
