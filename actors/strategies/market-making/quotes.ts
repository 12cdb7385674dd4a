/** Market-making quotes from the spec: spread = base_spread × volatility_factor × risk_factor, skewed by inventory. Pure. */

export interface QuoteParams {
  /** Fraction of mid, e.g. 0.001 = 10 bps total spread in calm markets. */
  baseSpread: number;
  /** Per-bar volatility (std of log returns) at which the volatility factor is 1. */
  referenceVolatility: number;
  /** Base amount at which inventory is "full" (q = ±1). */
  inventoryLimit: number;
  /** How far inventory shifts the reservation price, in spreads at q = ±1. */
  skew: number;
  /** Base amount quoted on each side when flat. */
  orderAmount: number;
}

export interface Quote {
  bid: number;
  ask: number;
  bidAmount: number;
  askAmount: number;
  spread: number;
  volatilityFactor: number;
  riskFactor: number;
}

/** Sample standard deviation of log returns of the closes; 0 with fewer than 3 closes. */
export function realizedVolatility(closes: readonly number[]): number {
  if (closes.length < 3) return 0;
  const returns: number[] = [];
  for (let i = 1; i < closes.length; i++) returns.push(Math.log(closes[i]! / closes[i - 1]!));
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  const variance = returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (returns.length - 1);
  return Math.sqrt(variance);
}

/**
 * volatility_factor = max(1, σ / σ_ref); risk_factor = (1 + |q|) × (2 when risk is REDUCING);
 * reservation = mid × (1 − skew × q × spread); the side that would grow inventory shrinks with |q|.
 */
export function computeQuote(
  mid: number,
  closes: readonly number[],
  inventory: number,
  reducing: boolean,
  params: QuoteParams,
): Quote {
  const q = Math.max(-1, Math.min(1, inventory / params.inventoryLimit));
  const volatilityFactor = Math.max(1, realizedVolatility(closes) / params.referenceVolatility);
  const riskFactor = (1 + Math.abs(q)) * (reducing ? 2 : 1);
  const spread = params.baseSpread * volatilityFactor * riskFactor;
  const reservation = mid * (1 - params.skew * q * spread);
  const bidAmount = reducing && q >= 0 ? 0 : params.orderAmount * (1 - Math.max(0, q));
  const askAmount = reducing && q <= 0 ? 0 : params.orderAmount * (1 + Math.min(0, q));
  return {
    bid: reservation * (1 - spread / 2),
    ask: reservation * (1 + spread / 2),
    bidAmount,
    askAmount,
    spread,
    volatilityFactor,
    riskFactor,
  };
}
