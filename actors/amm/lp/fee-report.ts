import type { PoolDay } from './lp-day.js';

/** One pool of the fee report, as `arbiter amm fees --json` prints it. */
export interface PoolFees {
  pool: string;
  feeTier: number;
  volumeUsd: number;
  feesUsd: number;
  volatility: number;
  utilization: number;
  lvrUsd: number;
  ilUsd: number;
  lpFeesUsd: number;
  lpNetUsd: number;
  lpNetOfLvrUsd: number;
  /** The advisor's fee for a dynamic-fee pool (model: fees on uninformed flow minus LVR with fees), a fraction. */
  recommendedFee: number;
  /** The advisor's pick among the V3 tiers, a fraction. */
  recommendedTier: number;
  /** The seed formula base_fee · (σ + utilisation), shown beside; not what the advisor recommends. */
  seedFormulaFee: number;
  position: PoolDay['position'];
  replay: PoolDay['replay'];
}

export interface FeeReport {
  pools: PoolFees[];
  /** The tier whose pool paid the same position more (fees plus impermanent loss) that day, in hundredths of a bip. */
  betterTier: number | null;
  /** The advisor's tier from the busiest pool's flow, and whether it is the one that paid better. */
  advisorWouldChoose: { tier: number; from: string; agrees: boolean } | null;
}

export function poolFees(pool: string, day: PoolDay): PoolFees {
  return {
    pool,
    feeTier: day.feeTier,
    volumeUsd: day.volumeUsd,
    feesUsd: day.feesUsd,
    volatility: day.volatility,
    utilization: day.utilization,
    lvrUsd: day.lvrUsd,
    ilUsd: day.ilUsd,
    lpFeesUsd: day.lpFeesUsd,
    lpNetUsd: day.lpNetUsd,
    lpNetOfLvrUsd: day.lpNetOfLvrUsd,
    recommendedFee: day.advisor.modelFee.fee,
    recommendedTier: day.advisor.tierChoice.fee,
    seedFormulaFee: day.advisor.seedFormulaFee,
    position: day.position,
    replay: day.replay,
  };
}

/** Which tier paid the same position better, and what the advisor would have picked from the busiest pool's flow. */
export function feeReport(pools: readonly PoolFees[]): FeeReport {
  if (pools.length === 0) return { pools: [], betterTier: null, advisorWouldChoose: null };
  const better = pools.reduce((a, b) => (b.lpNetUsd > a.lpNetUsd ? b : a));
  const busiest = pools.reduce((a, b) => (b.volumeUsd > a.volumeUsd ? b : a));
  const tier = Math.round(busiest.recommendedTier * 1_000_000);
  return {
    pools: [...pools],
    betterTier: pools.length > 1 ? better.feeTier : null,
    advisorWouldChoose: { tier, from: busiest.pool, agrees: pools.length > 1 && tier === better.feeTier },
  };
}
