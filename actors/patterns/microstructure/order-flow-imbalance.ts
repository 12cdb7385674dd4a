import type { BookAtClose } from '../../features/feature.js';

/**
 * The order-flow imbalance contribution of one book change at the `level`-th best price (0 = best), after Cont,
 * Kukanov & Stoikov (2014), "The price impact of order book events", eq. for e_n:
 *   e = 1{Pb ≥ Pb'}·qb − 1{Pb ≤ Pb'}·qb' − 1{Pa ≤ Pa'}·qa + 1{Pa ≥ Pa'}·qa'
 * (primed: the book before). Positive when bids grow or step up, or asks shrink or step up. A side with no level
 * there in either book contributes 0 (Xu, Gould & Howison 2019 leave an empty level's size at 0 likewise).
 */
export function levelOfi(before: BookAtClose, after: BookAtClose, level: number): number {
  let e = 0;
  const b0 = before.bids[level];
  const b1 = after.bids[level];
  if (b0 !== undefined && b1 !== undefined) {
    if (b1[0] >= b0[0]) e += b1[1];
    if (b1[0] <= b0[0]) e -= b0[1];
  }
  const a0 = before.asks[level];
  const a1 = after.asks[level];
  if (a0 !== undefined && a1 !== undefined) {
    if (a1[0] <= a0[0]) e -= a1[1];
    if (a1[0] >= a0[0]) e += a0[1];
  }
  return e;
}

/** Best-level OFI e_n of one book change (Cont, Kukanov & Stoikov 2014). */
export function bestLevelOfi(before: BookAtClose, after: BookAtClose): number {
  return levelOfi(before, after, 0);
}

/**
 * Multi-level OFI of one book change: e at each of the best `levels` price levels, best first — the MLOFI vector of
 * Xu, Gould & Howison (2019), "Multi-level order-flow imbalance in a limit order book", which applies the Cont et al.
 * formula to the m-th best bid and ask.
 */
export function multiLevelOfi(before: BookAtClose, after: BookAtClose, levels: number): number[] {
  const out: number[] = [];
  for (let m = 0; m < levels; m++) out.push(levelOfi(before, after, m));
  return out;
}
