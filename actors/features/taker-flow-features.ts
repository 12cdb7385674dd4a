import type { Trade } from '../market-data/trades/trade.js';
import type { FeatureDefinition } from './feature.js';

/** Σ qty of the taker buys minus Σ qty of the taker sells (base units). */
export function signedVolume(trades: readonly Trade[]): number {
  let sum = 0;
  for (const t of trades) sum += t.takerSide === 'buy' ? t.qty : -t.qty;
  return sum;
}

const base = { group: 'volume_profile' as const, lag: 'trades before close of bar t', warmUp: 0, needs: 'trades' as const };

/**
 * Taker flow from trades with the buyer-is-maker flag, over the trades inside bar t: the signed volume (buy - sell),
 * the cumulative volume delta since the first bar the trades cover, and the signed volume over the bar's traded
 * volume, in [-1, 1] (0 on a bar the trades cover where nobody traded).
 */
export const TAKER_FLOW_FEATURES: readonly FeatureDefinition[] = [
  {
    ...base,
    name: 'taker_signed_volume',
    source: 'trades: qty by taker side, buy - sell, in bar t (base units)',
    start: () => (bar) => (bar.trades === undefined ? null : signedVolume(bar.trades)),
  },
  {
    ...base,
    name: 'cvd',
    source: 'trades: running sum of taker buy - sell qty since the first bar the trades cover (base units)',
    start() {
      let cvd = 0;
      return (bar) => {
        if (bar.trades === undefined) return null;
        cvd += signedVolume(bar.trades);
        return cvd;
      };
    },
  },
  {
    ...base,
    name: 'taker_imbalance',
    source: 'trades: (taker buy - sell qty) / traded qty in bar t',
    start: () => (bar) => {
      if (bar.trades === undefined) return null;
      const volume = bar.trades.reduce((sum, t) => sum + t.qty, 0);
      return volume === 0 ? 0 : signedVolume(bar.trades) / volume;
    },
  },
];
