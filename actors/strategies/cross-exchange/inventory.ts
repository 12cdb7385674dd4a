/** Balances of the pair's two currencies on one venue. */
export interface VenueInventory {
  venue: string;
  base: number;
  quote: number;
}

export interface Rebalance {
  asset: 'base' | 'quote';
  from: string;
  to: string;
  amount: number;
}

export interface InventoryReport {
  /** Per venue: its share of all base held (0..1) against an even split. */
  baseShare: Record<string, number>;
  quoteShare: Record<string, number>;
  /** Largest distance of any venue's share from the even split (0 = balanced). */
  drift: number;
  /** Transfers that would restore the even split, when drift exceeds the threshold. */
  proposals: Rebalance[];
}

/**
 * Cross-exchange arbitrage buys on one venue and sells on another, so base piles up where it is
 * cheap and quote where it is dear. This measures that drift and proposes transfers (outside the
 * trade path: no transfers mid-trade) once it passes `threshold`.
 */
export function inventoryDrift(inv: readonly VenueInventory[], threshold = 0.2): InventoryReport {
  const n = inv.length;
  const totals = { base: inv.reduce((s, v) => s + v.base, 0), quote: inv.reduce((s, v) => s + v.quote, 0) };
  const share = (asset: 'base' | 'quote') => Object.fromEntries(inv.map((v) => [v.venue, totals[asset] > 0 ? v[asset] / totals[asset] : 1 / n]));
  const baseShare = share('base');
  const quoteShare = share('quote');
  const drift = Math.max(...inv.map((v) => Math.max(Math.abs(baseShare[v.venue]! - 1 / n), Math.abs(quoteShare[v.venue]! - 1 / n))));
  const proposals: Rebalance[] = [];
  if (drift > threshold) {
    for (const asset of ['base', 'quote'] as const) {
      const target = totals[asset] / n;
      const surplus = inv.filter((v) => v[asset] > target).map((v) => ({ venue: v.venue, left: v[asset] - target }));
      const deficit = inv.filter((v) => v[asset] < target).map((v) => ({ venue: v.venue, left: target - v[asset] }));
      for (const d of deficit) {
        for (const s of surplus) {
          const amount = Math.min(d.left, s.left);
          if (amount <= totals[asset] * 1e-9) continue;
          proposals.push({ asset, from: s.venue, to: d.venue, amount });
          d.left -= amount;
          s.left -= amount;
        }
      }
    }
  }
  return { baseShare, quoteShare, drift, proposals };
}
