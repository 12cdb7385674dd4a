/** One swap as the fee advisor sees it. */
export interface AdvisorSwap {
  /** Epoch ms (block time); non-decreasing from one swap to the next. */
  ts: number;
  /** Price after the swap, numeraire per risky asset (USDC per ETH). */
  price: number;
  /** Size of the swap in USD (either leg). */
  volumeUsd: number;
  /** The liquidity it traded against in USD: TVL for full range, the in-range virtual value 2L√p for V3. */
  liquidityUsd: number;
}

/**
 * Trailing-window estimates at the latest swap. Swaps sharing a timestamp (one block) are one observation: the return
 * of a timestamp is ln(last price at it / last price at the previous timestamp), which keeps the bounce of swaps within
 * a block out of the volatility. The window holds the timestamps t with t > now − window; `elapsedSec` is
 * min(window, now − first timestamp ever seen), the time the sums are divided by.
 */
export interface WindowStats {
  /** Timestamps (blocks) in the window. */
  observations: number;
  elapsedSec: number;
  /** Σ r² over the window: realised variance of log price. */
  sumSquaredReturns: number;
  volumeUsd: number;
  /** Σ volume / liquidity over the window: turnover. */
  turnover: number;
  /** Liquidity of the latest swap, USD. */
  liquidityUsd: number;
  sigmaPerSqrtSec: number;
  sigmaAnnual: number;
  volumePerSecUsd: number;
  /** Utilisation: turnover per second and per day. */
  utilisationPerSec: number;
  utilisationPerDay: number;
}

export const SECONDS_PER_YEAR = 365 * 86_400;

/** The derived rates from the window sums; shared by the incremental and the batch computation. */
export function windowStats(sums: { observations: number; elapsedSec: number; sumSquaredReturns: number; volumeUsd: number; turnover: number; liquidityUsd: number }): WindowStats {
  const e = sums.elapsedSec;
  const variance = e > 0 ? Math.max(0, sums.sumSquaredReturns) / e : 0;
  const sigma = Math.sqrt(variance);
  const utilisation = e > 0 ? Math.max(0, sums.turnover) / e : 0;
  return {
    ...sums,
    sigmaPerSqrtSec: sigma,
    sigmaAnnual: sigma * Math.sqrt(SECONDS_PER_YEAR),
    volumePerSecUsd: e > 0 ? Math.max(0, sums.volumeUsd) / e : 0,
    utilisationPerSec: utilisation,
    utilisationPerDay: utilisation * 86_400,
  };
}

/** The reference: the same estimates recomputed from the whole history, O(n). Tests check the incremental against it. */
export function batchWindowStats(swaps: readonly AdvisorSwap[], windowMs: number): WindowStats {
  if (swaps.length === 0) return windowStats({ observations: 0, elapsedSec: 0, sumSquaredReturns: 0, volumeUsd: 0, turnover: 0, liquidityUsd: 0 });
  const groups: { ts: number; price: number; volume: number; turnover: number }[] = [];
  for (const s of swaps) {
    const last = groups[groups.length - 1];
    if (last && last.ts === s.ts) {
      last.price = s.price;
      last.volume += s.volumeUsd;
      last.turnover += s.volumeUsd / s.liquidityUsd;
    } else groups.push({ ts: s.ts, price: s.price, volume: s.volumeUsd, turnover: s.volumeUsd / s.liquidityUsd });
  }
  const now = groups[groups.length - 1]!.ts;
  const sums = { observations: 0, elapsedSec: Math.min(windowMs, now - groups[0]!.ts) / 1000, sumSquaredReturns: 0, volumeUsd: 0, turnover: 0, liquidityUsd: swaps[swaps.length - 1]!.liquidityUsd };
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (g.ts <= now - windowMs) continue;
    sums.observations++;
    if (i > 0) sums.sumSquaredReturns += Math.log(g.price / groups[i - 1]!.price) ** 2;
    sums.volumeUsd += g.volume;
    sums.turnover += g.turnover;
  }
  return windowStats(sums);
}
