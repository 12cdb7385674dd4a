/**
 * Token amounts of a Uniswap V3 style position with liquidity `liquidity` on the price range [lower, upper] at
 * price `price` (price of the risky asset x in the numeraire y): x = L(1/√p − 1/√pb), y = L(√p − √pa), with √p
 * clipped to [√pa, √pb]. Below the range the position is all x, above it all y. Floats: an estimate, not the
 * contract's rounding (that is actors/amm/v3/). Full range is lower = 0, upper = Infinity.
 */
export function rangeAmounts(liquidity: number, price: number, lower: number, upper: number): { x: number; y: number } {
  const sa = Math.sqrt(lower);
  const sb = Math.sqrt(upper);
  const s = Math.min(Math.max(Math.sqrt(price), sa), sb);
  return { x: liquidity * (1 / s - 1 / sb), y: liquidity * (s - sa) };
}

/** The position's value in the numeraire y at price `price`: x·p + y. */
export function rangeValue(liquidity: number, price: number, lower: number, upper: number): number {
  const { x, y } = rangeAmounts(liquidity, price, lower, upper);
  return x * price + y;
}
