import type { Pool } from './pool.js';
import { optimalCycle, optimalCycleCapped, type CycleQuote, type OrientedReserves } from './two-pool-arbitrage.js';

/** A profitable flash-swap cycle between two pools of the same tokens on different DEXes. */
export interface Opportunity extends CycleQuote {
  /** Pool where the borrowed token is cheap: it lends it and is repaid in `profitToken`. */
  buyPool: Pool;
  /** Pool where the borrowed token is sold for `profitToken`. */
  sellPool: Pool;
  profitToken: string;
  borrowToken: string;
}

/** Orients two pools for a cycle whose profit is counted in `base`. */
export function orient(buy: Pool, sell: Pool, base: string): OrientedReserves {
  const buyBase0 = buy.token0 === base;
  const sellBase0 = sell.token0 === base;
  return {
    buyBase: buyBase0 ? buy.reserve0 : buy.reserve1,
    buyQuote: buyBase0 ? buy.reserve1 : buy.reserve0,
    sellBase: sellBase0 ? sell.reserve0 : sell.reserve1,
    sellQuote: sellBase0 ? sell.reserve1 : sell.reserve0,
  };
}

/**
 * Both cycles between two pools for one profit token (at most one direction can pay).
 * Pools must hold the same two tokens.
 */
export function evaluatePair(p: Pool, q: Pool, base: string): Opportunity | undefined {
  const borrowToken = p.token0 === base ? p.token1 : p.token0;
  const forward = optimalCycle(orient(p, q, base));
  if (forward) return { ...forward, buyPool: p, sellPool: q, profitToken: base, borrowToken };
  const backward = optimalCycle(orient(q, p, base));
  if (backward) return { ...backward, buyPool: q, sellPool: p, profitToken: base, borrowToken };
  return undefined;
}

/** Every pair of pools holding the same tokens on different DEXes. */
export function crossDexPairs(pools: readonly Pool[]): Array<[Pool, Pool]> {
  const byTokens = new Map<string, Pool[]>();
  for (const pool of pools) {
    const key = pool.token0 < pool.token1 ? `${pool.token0}/${pool.token1}` : `${pool.token1}/${pool.token0}`;
    const group = byTokens.get(key);
    if (group) group.push(pool);
    else byTokens.set(key, [pool]);
  }
  const pairs: Array<[Pool, Pool]> = [];
  for (const group of byTokens.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (group[i]!.dex !== group[j]!.dex) pairs.push([group[i]!, group[j]!]);
      }
    }
  }
  return pairs;
}

/**
 * All opportunities, best (largest raw profit) first, counted in each of the pair's tokens,
 * or only in `profitToken` when given (e.g. WETH, so gas can be netted).
 */
export function findOpportunities(pools: readonly Pool[], profitToken?: string): Opportunity[] {
  const found: Opportunity[] = [];
  for (const [p, q] of crossDexPairs(pools)) {
    const bases = profitToken === undefined ? [p.token0, p.token1] : [profitToken.toLowerCase()].filter((t) => t === p.token0 || t === p.token1);
    for (const base of bases) {
      const opp = evaluatePair(p, q, base);
      if (opp) found.push(opp);
    }
  }
  return found.sort((x, y) => (y.profit > x.profit ? 1 : y.profit < x.profit ? -1 : 0));
}

/** The same cycle (same pools, same direction) re-sized to borrow at most `maxBorrow`. */
export function capOpportunity(o: Opportunity, maxBorrow: bigint): Opportunity | undefined {
  const quote = optimalCycleCapped(orient(o.buyPool, o.sellPool, o.profitToken), maxBorrow);
  return quote === undefined ? undefined : { ...o, ...quote };
}
