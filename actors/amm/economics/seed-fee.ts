import { constantProductLvrRate } from './lvr.js';

/**
 * The seed formula, kept to be shown beside the model fee, not used to choose: optimal_fee = base_fee ·
 * (volatility + utilisation_rate). No published source supports it. Its sum adds a volatility (here annualised, per
 * √year) to a turnover (here per day: volume / liquidity per day), two quantities in different units, so its value
 * changes with the unit chosen for either; `baseFee` is a fee fraction per unit of that sum.
 */
export function seedFormulaFee(baseFee: number, sigmaAnnual: number, utilisationPerDay: number): number {
  return baseFee * (sigmaAnnual + utilisationPerDay);
}

/**
 * The seed's expected_profit = volume · fee − impermanent_loss, as a rate per second. The expected impermanent loss
 * rate of a full-range position under GBM is σ²/8 of its value per unit time (IL(r) ≈ −(ln r)²/8 to second order),
 * the same number as LVR with no fee; the seed charges the fee on all volume (arbitrage included) and ignores that
 * arbitrageurs stop trading inside the fee band, which the model fee accounts for.
 */
export function seedExpectedProfitRate(volumePerSecUsd: number, fee: number, sigmaPerSqrtSec: number, poolValueUsd: number): number {
  return volumePerSecUsd * fee - constantProductLvrRate(sigmaPerSqrtSec, poolValueUsd);
}
