import { correlation, mean, stdev } from './stats.js';

export type MarketRegime = 'trending' | 'ranging' | 'volatile';

export interface AdjustmentConfig {
  /** Target volatility per bar, in the same units as the returns (std of log returns). */
  targetVolatility: number;
  /** Realized volatility above volatileMultiple × target classifies the regime as volatile. */
  volatileMultiple: number;
  /** Kaufman efficiency ratio |Σr| / Σ|r| at or above which the regime is trending. */
  trendEfficiency: number;
  /** Size multiplier per regime, each in (0, 1]. */
  regimeFactors: Record<MarketRegime, number>;
  /** Multiplier when the candidate is perfectly correlated with what is held, in (0, 1]. */
  minCorrelationFactor: number;
  /** Floor for the whole multiplier, so it stays in (0, 1]. */
  floor: number;
}

export const DEFAULT_ADJUSTMENT: Readonly<AdjustmentConfig> = Object.freeze({
  targetVolatility: 0.002,
  volatileMultiple: 2,
  trendEfficiency: 0.3,
  regimeFactors: { trending: 1, ranging: 0.8, volatile: 0.5 },
  minCorrelationFactor: 0.25,
  floor: 0.05,
});

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** min(1, target / realized); 1 when realized volatility is 0 or unknown. */
export function volatilityFactor(returns: readonly number[], targetVolatility: number): number {
  const realized = stdev(returns);
  if (!(realized > 0)) return 1;
  return Math.min(1, targetVolatility / realized);
}

/** 1 − (1 − minFactor) × ρ̄⁺, where ρ̄⁺ is the mean of max(0, corr(candidate, held_i)). */
export function correlationFactor(candidate: readonly number[], held: readonly (readonly number[])[], minFactor: number): number {
  if (held.length === 0) return 1;
  const rhoPlus = mean(held.map((h) => Math.max(0, correlation(candidate, h))));
  return 1 - (1 - minFactor) * clamp(rhoPlus, 0, 1);
}

/** volatile if realized vol > volatileMultiple × target; else trending if efficiency ratio ≥ trendEfficiency; else ranging. */
export function classifyRegime(returns: readonly number[], config: Pick<AdjustmentConfig, 'targetVolatility' | 'volatileMultiple' | 'trendEfficiency'>): MarketRegime {
  if (stdev(returns) > config.volatileMultiple * config.targetVolatility) return 'volatile';
  let net = 0;
  let path = 0;
  for (const r of returns) {
    net += r;
    path += Math.abs(r);
  }
  const efficiency = path > 0 ? Math.abs(net) / path : 0;
  return efficiency >= config.trendEfficiency ? 'trending' : 'ranging';
}

export interface Adjustment {
  multiplier: number;
  volatility: number;
  correlation: number;
  regime: MarketRegime;
  regimeFactor: number;
}

/** Size multiplier in (0, 1] = clamp(volatility × correlation × regime factors, floor, 1). */
export function dynamicAdjustment(
  candidateReturns: readonly number[],
  heldReturns: readonly (readonly number[])[],
  config: AdjustmentConfig = DEFAULT_ADJUSTMENT,
): Adjustment {
  const volatility = volatilityFactor(candidateReturns, config.targetVolatility);
  const corr = correlationFactor(candidateReturns, heldReturns, config.minCorrelationFactor);
  const regime = classifyRegime(candidateReturns, config);
  const regimeFactor = config.regimeFactors[regime];
  const multiplier = clamp(volatility * corr * regimeFactor, config.floor, 1);
  return { multiplier, volatility, correlation: corr, regime, regimeFactor };
}
