import { DEFAULT_RISK_LIMITS, type RiskLimits } from '../risk/limits.js';

/**
 * Limits wide enough that risk judges every intent but never resizes or vetoes a reference backtest,
 * so results compare with other backtesters. `--risk spec` runs with the spec's defaults instead.
 */
export const LOOSE_RISK_LIMITS: Partial<RiskLimits> = Object.freeze({
  maxPositionFraction: Number.MAX_VALUE,
  maxDailyLossFraction: 1,
  reduceAtDailyLossFraction: 1,
  maxDrawdownFraction: 1,
  maxLeverage: Number.MAX_VALUE,
  maxNotionalPerOrder: Number.MAX_VALUE,
  maxSubmits: Number.MAX_SAFE_INTEGER,
  staleDataMs: Number.MAX_SAFE_INTEGER,
  maxLossStreak: Number.MAX_SAFE_INTEGER,
});

export const RISK_PROFILES = { loose: LOOSE_RISK_LIMITS, spec: DEFAULT_RISK_LIMITS } as const;
export type RiskProfile = keyof typeof RISK_PROFILES;
