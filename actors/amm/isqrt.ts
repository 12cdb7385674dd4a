/** floor(sqrt(n)) for n >= 0: a float seed, one Newton step to land on or above the root, then descend. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of a negative number');
  if (n < 2n) return n;
  const approx = Number(n);
  let x = Number.isFinite(approx) ? BigInt(Math.floor(Math.sqrt(approx))) + 1n : 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  // By AM-GM one Newton step from any positive x lands at or above floor(sqrt(n)); from there it decreases to it.
  x = (x + n / x) >> 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
