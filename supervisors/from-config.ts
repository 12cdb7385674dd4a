import type { Config } from '../config/index.js';
import type { RiskLimits } from '../actors/risk/limits.js';
import type { SupervisionPolicy } from './policy.js';

/** The config's risk section in the risk actor's terms. */
export function riskLimitsFrom(config: Config): RiskLimits {
  const r = config.risk;
  return {
    maxPositionFraction: r.maxPositionFraction,
    maxDailyLossFraction: r.maxDailyLossFraction,
    reduceAtDailyLossFraction: r.reduceAtDailyLossFraction,
    maxDrawdownFraction: r.maxDrawdownFraction,
    maxLeverage: r.maxLeverage,
    minExpectedProfit: r.minProfitFraction,
    maxNotionalPerOrder: r.maxNotionalPerOrder,
    maxNotionalBySymbol: { ...r.maxNotionalBySymbol },
    maxSubmits: r.maxOrdersPerSecond,
    submitWindowMs: 1_000,
    staleDataMs: r.staleDataMs,
    maxLossStreak: r.maxLossStreak,
    cooldownMs: r.cooldownMs,
    toxicPercentile: r.toxicPercentile,
    toxicSizeFactor: r.toxicSizeFactor,
    toxicityMaxAgeMs: r.toxicityMaxAgeMs,
  };
}

export function supervisionFrom(config: Config): Pick<SupervisionPolicy, 'maxRestarts' | 'withinMs' | 'backoff'> {
  const s = config.supervision;
  return { maxRestarts: s.maxRestarts, withinMs: s.withinMs, backoff: { minMs: s.backoffMinMs, maxMs: s.backoffMaxMs, jitter: 0.5 } };
}
