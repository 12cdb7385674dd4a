import { constantProductLvrRate } from './lvr.js';

/**
 * A proportional fee f as the half-width of the no-arbitrage band in log price: buying from the pool costs p/(1−f),
 * selling to it pays p(1−f), so the band is ±γ with γ = −ln(1−f) (≈ f for small f).
 */
export function feeLogBand(fee: number): number {
  return -Math.log1p(-fee);
}

/**
 * Probability that an arbitrageur arriving with a block finds a profitable trade, from Milionis, Moallemi and
 * Roughgarden 2023, "Automated Market Making and Arbitrage Profits in the Presence of Fees" (arXiv:2305.14604), for
 * Poisson block arrivals with mean interblock time Δt:
 *   P_trade = 1 / (1 + γ / (σ·√(Δt/2)))      (equivalently 1 / (1 + γ·√(2λ)/σ), λ = 1/Δt)
 * The log mispricing between pool and market diffuses with variance σ² per unit time; its stationary law is uniform
 * inside the band [−γ, γ] with exponential tails of rate √(2λ)/σ outside, whose mass is P_trade. σ per √second,
 * Δt in seconds. γ = 0 gives 1 (every block trades); σ = 0 with γ > 0 gives 0.
 */
export function arbitrageProbability(gamma: number, sigma: number, blockTimeSec: number): number {
  if (gamma <= 0) return 1;
  const scale = sigma * Math.sqrt(blockTimeSec / 2);
  return scale <= 0 ? 0 : 1 / (1 + gamma / scale);
}

/**
 * The same paper's fast-block, small-fee asymptotic: fees scale arbitrage profit (the LPs' loss net of the fees the
 * arbitrageurs pay them) down by P_trade, ARB ≈ LVR · P_trade. Constant product (or a range's virtual value), per second.
 */
export function lvrWithFeesRate(sigma: number, poolValue: number, fee: number, blockTimeSec: number): number {
  return constantProductLvrRate(sigma, poolValue) * arbitrageProbability(feeLogBand(fee), sigma, blockTimeSec);
}
