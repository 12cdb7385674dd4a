import type { BookLevel } from '../../market-data/types.js';
import { floorToStep as floorTo } from '../../market-data/precision.js';

/** One venue's book for the pair, with its taker fee (fraction of notional). */
export interface VenueBook {
  venue: string;
  bids: readonly BookLevel[];
  asks: readonly BookLevel[];
  takerFee: number;
}

export interface CrossOpportunity {
  buyVenue: string;
  sellVenue: string;
  /** Base amount: the most that stays profitable after both taker fees. */
  size: number;
  buyVwap: number;
  sellVwap: number;
  /** Worst prices reached: the IOC limit for each leg. */
  buyLimit: number;
  sellLimit: number;
  /** Quote currency. */
  grossProfit: number;
  fees: number;
  netProfit: number;
  /** (best bid / best ask - 1) * 100, before depth and fees. */
  topOfBookPct: number;
  /** Percent lost to walking the books: topOfBookPct minus the VWAP spread. */
  slippagePct: number;
  /** profit_potential = (high / low - 1) * 100 - (fees + slippage), with high/low the top of book. */
  profitPotentialPct: number;
}


/**
 * Buys on `buy`'s asks and sells on `sell`'s bids, level by level, for as long as the next unit
 * sold (after the sell fee) brings more than it costs (after the buy fee). That size maximises the
 * net profit, since each further unit is bought dearer and sold cheaper. Undefined if nothing crosses.
 */
export function crossPair(buy: VenueBook, sell: VenueBook, stepSize = 0): CrossOpportunity | undefined {
  const bestAsk = buy.asks[0]?.[0];
  const bestBid = sell.bids[0]?.[0];
  if (bestAsk === undefined || bestBid === undefined) return undefined;
  let i = 0;
  let j = 0;
  let askLeft = buy.asks[0]![1];
  let bidLeft = sell.bids[0]![1];
  let size = 0;
  while (i < buy.asks.length && j < sell.bids.length) {
    const ask = buy.asks[i]![0];
    const bid = sell.bids[j]![0];
    if (!(bid * (1 - sell.takerFee) > ask * (1 + buy.takerFee))) break;
    const take = Math.min(askLeft, bidLeft);
    size += take;
    askLeft -= take;
    bidLeft -= take;
    if (askLeft <= 0 && ++i < buy.asks.length) askLeft = buy.asks[i]![1];
    if (bidLeft <= 0 && ++j < sell.bids.length) bidLeft = sell.bids[j]![1];
  }
  size = floorTo(size, stepSize);
  if (!(size > 0)) return undefined;
  const bought = fillFor(buy.asks, size);
  const sold = fillFor(sell.bids, size);
  const fees = bought.cost * buy.takerFee + sold.cost * sell.takerFee;
  const grossProfit = sold.cost - bought.cost;
  const buyVwap = bought.cost / size;
  const sellVwap = sold.cost / size;
  const topOfBookPct = (bestBid / bestAsk - 1) * 100;
  const slippagePct = topOfBookPct - (sellVwap / buyVwap - 1) * 100;
  return {
    buyVenue: buy.venue,
    sellVenue: sell.venue,
    size,
    buyVwap,
    sellVwap,
    buyLimit: bought.worst,
    sellLimit: sold.worst,
    grossProfit,
    fees,
    netProfit: grossProfit - fees,
    topOfBookPct,
    slippagePct,
    profitPotentialPct: topOfBookPct - ((buy.takerFee + sell.takerFee) * 100 + slippagePct),
  };
}

function fillFor(levels: readonly BookLevel[], amount: number): { cost: number; worst: number } {
  let left = amount;
  let cost = 0;
  let worst = levels[0]?.[0] ?? 0;
  for (const [price, qty] of levels) {
    if (left <= 0) break;
    const take = Math.min(left, qty);
    cost += take * price;
    worst = price;
    left -= take;
  }
  return { cost, worst };
}

/** Every ordered pair of venues that crosses profitably, best net profit first. */
export function crossOpportunities(books: readonly VenueBook[], stepSize = 0): CrossOpportunity[] {
  const out: CrossOpportunity[] = [];
  for (const buy of books) {
    for (const sell of books) {
      if (buy === sell) continue;
      const o = crossPair(buy, sell, stepSize);
      if (o && o.netProfit > 0) out.push(o);
    }
  }
  return out.sort((a, b) => b.netProfit - a.netProfit);
}
