import type { Side } from '../market-data/types.js';
import { midPrice } from '../market-data/types.js';
import type { RouteCandidate } from './router.js';
import { takenSide, walkBook } from './slippage.js';

export interface RouteLeg {
  venue: string;
  amount: number;
  vwap: number;
  /** Quote paid (buy) or received (sell) including fees and timing cost. */
  allInCost: number;
}

export interface SplitRoute {
  legs: RouteLeg[];
  filled: number;
  /** Sum of the legs' all-in cost; per unit it is the route's all-in price. */
  allInCost: number;
}

/**
 * Spread one order across venues: `chunks` equal slices, each to the venue whose next slice is
 * cheapest all-in (book walked from what is already allocated there, plus taker fee and timing cost).
 * Book prices only worsen with depth, so the greedy fill converges on the least-cost split.
 */
export function splitRoute(candidates: readonly RouteCandidate[], side: Side, amount: number, volatilityPerSqrtSec = 0, chunks = 100): SplitRoute {
  const dir = side === 'buy' ? 1 : -1;
  const allocated = new Map<string, number>();
  const costOf = (c: RouteCandidate, upTo: number): number => {
    const walk = walkBook(takenSide(c.book, side), upTo);
    const mid = midPrice(c.book) ?? walk.vwap;
    return walk.cost + dir * (walk.cost * c.takerFee + mid * walk.filled * volatilityPerSqrtSec * Math.sqrt(c.latencyMs / 1000));
  };
  const depth = (c: RouteCandidate): number => walkBook(takenSide(c.book, side), Infinity).filled;
  const slice = amount / chunks;
  let filled = 0;
  for (let i = 0; i < chunks; i++) {
    let best: { c: RouteCandidate; take: number; unit: number } | undefined;
    for (const c of candidates) {
      const have = allocated.get(c.venue) ?? 0;
      const take = Math.min(slice, depth(c) - have);
      if (!(take > 1e-15)) continue;
      const unit = (costOf(c, have + take) - costOf(c, have)) / take;
      if (!best || dir * unit < dir * best.unit) best = { c, take, unit };
    }
    if (!best) break;
    allocated.set(best.c.venue, (allocated.get(best.c.venue) ?? 0) + best.take);
    filled += best.take;
  }
  const legs: RouteLeg[] = [];
  for (const c of candidates) {
    const amt = allocated.get(c.venue);
    if (!amt) continue;
    const walk = walkBook(takenSide(c.book, side), amt);
    legs.push({ venue: c.venue, amount: amt, vwap: walk.vwap, allInCost: costOf(c, amt) });
  }
  return { legs, filled, allInCost: legs.reduce((s, l) => s + l.allInCost, 0) };
}
