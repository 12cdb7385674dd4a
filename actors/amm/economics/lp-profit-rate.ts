import { lvrWithFeesRate } from './arbitrage-probability.js';

/**
 * What the model fee trades off, all per second in USD. Uninformed (non-arbitrage) volume falls with the fee,
 * exponentially, anchored at the volume observed at the pool's current fee f_ref:
 *   V_u(f) = V_u(f_ref) · exp(−ε · (f − f_ref) / f_ref)
 * so ε is the volume's elasticity to the fee at f_ref (−d ln V_u / d ln f = ε there), and fee income f·V_u(f) peaks at
 * f_ref/ε: bounded demand, income → 0 as f → 0 and as f grows. The LP's expected profit rate at fee f is
 *   π(f) = f · V_u(f) − σ²/8 · V · P_trade(γ(f))
 * (fees from uninformed flow minus arbitrage losses net of the fees arbitrageurs pay, MMR 2023). With σ = 0 the best
 * fee is f_ref/ε, the revenue-maximising fee for the uninformed flow and the lowest the model ever recommends;
 * volatility only raises it. When the arbitrage loss exceeds what uninformed flow can pay, the best is the top of the
 * range (shut arbitrage out). ε is an assumption of the model, not an estimate; a constant elasticity
 * V_u ∝ f^(−ε) was tried first and rejected: its income is convex in f, so the optimum jumped between the ends of the
 * range instead of moving with σ.
 */
export interface LpModelInputs {
  /** Volatility of log price, per √second. */
  sigmaPerSqrtSec: number;
  /** The liquidity the arbitrageurs trade against, USD: TVL for full range, the virtual value 2L√p for V3 in range. */
  poolValueUsd: number;
  /** Uninformed volume per second, USD, observed at `referenceFee`. */
  uninformedVolumePerSecUsd: number;
  /** The fee the pool charged while that volume was observed (fraction, 0.0005 = 5 bp). */
  referenceFee: number;
  /** ε: elasticity of uninformed volume to the fee at `referenceFee`. */
  elasticity: number;
  /** Mean time between blocks, seconds. */
  blockTimeSec: number;
}

export interface LpProfitTerms {
  fee: number;
  uninformedVolumePerSecUsd: number;
  feeIncomePerSecUsd: number;
  arbitrageLossPerSecUsd: number;
  profitPerSecUsd: number;
}

const uninformedVolume = (fee: number, m: LpModelInputs) =>
  m.uninformedVolumePerSecUsd * Math.exp((-m.elasticity * (fee - m.referenceFee)) / m.referenceFee);

export function lpProfitTerms(fee: number, m: LpModelInputs): LpProfitTerms {
  const volume = uninformedVolume(fee, m);
  const income = fee * volume;
  const loss = lvrWithFeesRate(m.sigmaPerSqrtSec, m.poolValueUsd, fee, m.blockTimeSec);
  return { fee, uninformedVolumePerSecUsd: volume, feeIncomePerSecUsd: income, arbitrageLossPerSecUsd: loss, profitPerSecUsd: income - loss };
}

/** π(f) alone, without building the terms: the optimiser's inner loop. */
export function lpProfitRate(fee: number, m: LpModelInputs): number {
  return fee * uninformedVolume(fee, m) - lvrWithFeesRate(m.sigmaPerSqrtSec, m.poolValueUsd, fee, m.blockTimeSec);
}
