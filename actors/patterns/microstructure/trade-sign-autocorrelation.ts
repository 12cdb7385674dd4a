import type { Trade } from '../../market-data/trades/trade.js';

/**
 * Sample autocorrelation of the trade signs (+1 taker buy, −1 taker sell) at lags 1..maxLag, index 0 = lag 1:
 * ρ(ℓ) = Σ_t (s_t − m)(s_{t+ℓ} − m) / Σ_t (s_t − m)², the usual biased estimator (the persistence Lillo & Farmer 2004,
 * "The long memory of the efficient market", measure). Null when the signs never change (no variance).
 */
export function tradeSignAutocorrelation(trades: readonly Trade[], maxLag: number): number[] | null {
  const n = trades.length;
  const s = trades.map((t) => (t.takerSide === 'buy' ? 1 : -1));
  const mean = s.reduce((a, b) => a + b, 0) / n;
  let variance = 0;
  for (const v of s) variance += (v - mean) ** 2;
  if (n === 0 || variance === 0) return null;
  const out: number[] = [];
  for (let lag = 1; lag <= maxLag; lag++) {
    let c = 0;
    for (let t = 0; t + lag < n; t++) c += (s[t]! - mean) * (s[t + lag]! - mean);
    out.push(c / variance);
  }
  return out;
}
