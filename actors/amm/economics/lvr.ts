/**
 * Loss-versus-rebalancing (Milionis, Moallemi, Roughgarden, Zhang 2022, "Automated Market Making and
 * Loss-Versus-Rebalancing", arXiv:2208.06046): with the risky asset's price a geometric Brownian motion of volatility
 * σ, a pool whose risky holding at price p is x(p) loses to arbitrageurs, with no fee and continuous blocks, at the
 * instantaneous rate ℓ(p) = σ²p²/2 · |x'(p)| (numeraire per unit time). σ is per √(time unit) and the rate is per
 * that same time unit: σ per √second gives a rate per second.
 */
export function lvrRate(sigma: number, price: number, dxdp: number): number {
  return ((sigma * sigma * price * price) / 2) * Math.abs(dxdp);
}

/** Constant product (x = L/√p, pool value V = 2L√p): ℓ = σ²/8 · V. */
export function constantProductLvrRate(sigma: number, poolValue: number): number {
  return (sigma * sigma * poolValue) / 8;
}

/**
 * A concentrated range [lower, upper] with liquidity L: inside, x(p) = L(1/√p − 1/√pb) so ℓ = σ²L√p/4, the same as a
 * full-range pool of the same L (whose value 2L√p is the range's "virtual" value); outside the range x is constant and
 * ℓ = 0. As a fraction of the position's own (smaller) value the range loses more.
 */
export function rangeLvrRate(sigma: number, liquidity: number, price: number, lower: number, upper: number): number {
  if (price <= lower || price >= upper) return 0;
  return lvrRate(sigma, price, liquidity / (2 * price ** 1.5));
}
