/** Risk limits. Every number is configurable; the defaults are the spec's. Fractions: 0.1 = 10%. */
export interface RiskLimits {
  /** Max |position| notional per symbol as a fraction of capital. */
  maxPositionFraction: number;
  /** Daily loss (realized + unrealized, vs day-start equity) that trips HALTED. */
  maxDailyLossFraction: number;
  /** Daily loss that moves ACTIVE to REDUCING (must be below maxDailyLossFraction). */
  reduceAtDailyLossFraction: number;
  /** Drawdown from peak equity that trips HALTED until an explicit re-arm. */
  maxDrawdownFraction: number;
  /** Gross exposure / equity. */
  maxLeverage: number;
  /** Intents that carry expectedProfit (arbitrage) need at least this. */
  minExpectedProfit: number;
  /** Max notional of one order, in quote currency. */
  maxNotionalPerOrder: number;
  /** Per-symbol overrides of maxNotionalPerOrder. */
  maxNotionalBySymbol: Record<string, number>;
  /** Submit-rate cap: at most maxSubmits in any sliding window of submitWindowMs. */
  maxSubmits: number;
  submitWindowMs: number;
  /** Market data older than this (vs the intent's timestamp) vetoes the intent. */
  staleDataMs: number;
  /** Consecutive losing closes that pause new exposure (REDUCING) for cooldownMs. */
  maxLossStreak: number;
  cooldownMs: number;
  /** An intent adding exposure on a market whose latest VPIN stands at least this high in the market's own history (its percentile) is clipped (1: off). */
  toxicPercentile: number;
  /** What such an intent keeps of the exposure it adds (1: off). */
  toxicSizeFactor: number;
  /** A VPIN older than this (vs the intent's timestamp) is ignored. */
  toxicityMaxAgeMs: number;
}

export const DEFAULT_RISK_LIMITS: Readonly<RiskLimits> = Object.freeze({
  maxPositionFraction: 0.1,
  maxDailyLossFraction: 0.05,
  reduceAtDailyLossFraction: 0.03,
  maxDrawdownFraction: 0.1,
  maxLeverage: 3,
  minExpectedProfit: 0.001,
  maxNotionalPerOrder: 10_000,
  maxNotionalBySymbol: {},
  maxSubmits: 100,
  submitWindowMs: 1_000,
  staleDataMs: 5_000,
  maxLossStreak: 5,
  cooldownMs: 15 * 60_000,
  // The top 5% of a market's own VPINs, and a bound above the recorded week's longest volume bucket (docs/risk.md, "Order-flow toxicity").
  toxicPercentile: 0.95,
  toxicSizeFactor: 0.5,
  toxicityMaxAgeMs: 90 * 60_000,
});

export function maxNotionalFor(limits: RiskLimits, symbol: string): number {
  return limits.maxNotionalBySymbol[symbol] ?? limits.maxNotionalPerOrder;
}
