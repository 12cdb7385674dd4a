import { capOpportunity, type Opportunity } from './opportunities.js';

/**
 * The cycle re-sized so that it puts in at most `maxAmountIn` of the profit token (risk's notional and position
 * limits, in that token). Scaling the borrow by maxAmountIn / amountIn keeps the input within the cap: the
 * input a V2 pair asks is convex in the amount taken out, and zero at zero.
 */
export function withinAmountIn(o: Opportunity, maxAmountIn: bigint): Opportunity | undefined {
  if (o.amountIn <= maxAmountIn) return o;
  return capOpportunity(o, (o.borrow * maxAmountIn) / o.amountIn);
}

/** The most profitable of the cycles once each is held within `maxAmountIn`; the first one without a cap. */
export function bestWithinAmountIn(opportunities: readonly Opportunity[], maxAmountIn: bigint | undefined): Opportunity | undefined {
  if (maxAmountIn === undefined) return opportunities[0];
  let best: Opportunity | undefined;
  for (const o of opportunities) {
    const capped = withinAmountIn(o, maxAmountIn);
    if (capped && (!best || capped.profit > best.profit)) best = capped;
  }
  return best;
}
