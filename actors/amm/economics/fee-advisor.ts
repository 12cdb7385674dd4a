import { parseFeeAdvisorConfig, type FeeAdvisorConfig } from './fee-advisor-config.js';
import type { LpModelInputs, LpProfitTerms } from './lp-profit-rate.js';
import { bestTier, modelFee } from './model-fee.js';
import { seedExpectedProfitRate, seedFormulaFee } from './seed-fee.js';
import { TrailingWindow } from './trailing-window.js';
import type { AdvisorSwap, WindowStats } from './window-stats.js';

/** Both fees side by side; `recommended` is the model fee (published support: MMRZ 2022, MMR 2023), never the seed. */
export interface FeeRecommendation {
  recommended: 'model';
  /** Seed: base_fee · (σ annualised + utilisation per day); see seed-fee.ts for why its units do not add up. */
  seedFormulaFee: number;
  /** The seed's expected_profit at its own fee: all volume · fee − expected IL (σ²/8 · value), USD per second. */
  seedExpectedProfitPerSecUsd: number;
  /** Continuous argmax of π(f) over [minFee, maxFee], for a dynamic-fee pool, with its terms. */
  modelFee: LpProfitTerms;
  /** The same fee in hundredths of a bip (Uniswap v4 dynamic fee units: 1_000_000 = 100 %). */
  modelFeePips: number;
  /** The best of the configured tiers for a V3 pool, and every tier's terms. */
  tierChoice: LpProfitTerms;
  tiers: LpProfitTerms[];
  /** What it used: the window estimates and the model's inputs. */
  window: WindowStats;
  model: LpModelInputs;
}

/**
 * Recommends an LP fee from the swaps it is fed. `update` is O(1) amortised (trailing-window.ts); `recommend` is
 * O(tiers + ~110 evaluations of π), independent of the swap count. Pure: no clock, no I/O; time is the swaps' `ts`.
 */
export class FeeAdvisor {
  readonly config: FeeAdvisorConfig;
  private readonly window: TrailingWindow;

  constructor(config: unknown = {}) {
    this.config = parseFeeAdvisorConfig(config);
    this.window = new TrailingWindow(this.config.windowMs);
  }

  update(swap: AdvisorSwap): void {
    this.window.push(swap);
  }

  stats(): WindowStats {
    return this.window.stats();
  }

  recommend(): FeeRecommendation {
    const c = this.config;
    const w = this.window.stats();
    const model: LpModelInputs = {
      sigmaPerSqrtSec: w.sigmaPerSqrtSec,
      poolValueUsd: w.liquidityUsd,
      uninformedVolumePerSecUsd: w.volumePerSecUsd * c.uninformedShare,
      referenceFee: c.currentFee,
      elasticity: c.elasticity,
      blockTimeSec: c.blockTimeSec,
    };
    const seed = seedFormulaFee(c.baseFee, w.sigmaAnnual, w.utilisationPerDay);
    const best = modelFee(model, c.minFee, c.maxFee);
    const tiers = bestTier(model, c.tiers);
    return {
      recommended: 'model',
      seedFormulaFee: seed,
      seedExpectedProfitPerSecUsd: seedExpectedProfitRate(w.volumePerSecUsd, seed, w.sigmaPerSqrtSec, w.liquidityUsd),
      modelFee: best,
      modelFeePips: Math.round(best.fee * 1_000_000),
      tierChoice: tiers.best,
      tiers: tiers.tiers,
      window: w,
      model,
    };
  }
}
