import type { BookLevel, OrderBook, Side } from '../market-data/types.js';
import { midPrice } from '../market-data/types.js';

export interface BookWalk {
  /** Base amount that the visible levels cover (≤ asked). */
  filled: number;
  /** Quote spent (buy) or received (sell), before fees. */
  cost: number;
  /** cost / filled; NaN when nothing filled. */
  vwap: number;
  /** Price of the last level touched. */
  worstPrice: number;
  /** Levels touched. */
  levels: number;
  complete: boolean;
}

/**
 * Walk levels (best first) to take `amount`. With `limitPrice` and `side`, stop at levels
 * worse than the limit (asks above a buy limit, bids below a sell limit).
 */
export function walkBook(levels: readonly BookLevel[], amount: number, limit?: { side: Side; price: number }): BookWalk {
  let filled = 0;
  let cost = 0;
  let worstPrice = Number.NaN;
  let touched = 0;
  for (const [price, size] of levels) {
    if (filled >= amount) break;
    if (limit && (limit.side === 'buy' ? price > limit.price : price < limit.price)) break;
    const take = Math.min(size, amount - filled);
    if (take <= 0) continue;
    filled += take;
    cost += take * price;
    worstPrice = price;
    touched += 1;
  }
  const complete = amount - filled <= amount * 1e-12;
  return { filled, cost, vwap: filled > 0 ? cost / filled : Number.NaN, worstPrice, levels: touched, complete };
}

/** The side a taker order consumes: asks for a buy, bids for a sell. */
export function takenSide(book: OrderBook, side: Side): BookLevel[] {
  return side === 'buy' ? book.asks : book.bids;
}

export interface SlippageEstimate extends BookWalk {
  mid: number;
  best: number;
  /** Adverse move of the VWAP from mid, as a fraction of mid (includes the half spread). */
  slippage: number;
  /** Adverse move of the VWAP from the best price, as a fraction of it (depth impact only). */
  impact: number;
}

/** Expected slippage of a market order of `amount` against the visible book. */
export function expectedSlippage(book: OrderBook, side: Side, amount: number): SlippageEstimate {
  const levels = takenSide(book, side);
  const walk = walkBook(levels, amount);
  const mid = midPrice(book) ?? Number.NaN;
  const best = levels[0]?.[0] ?? Number.NaN;
  const dir = side === 'buy' ? 1 : -1;
  return {
    ...walk,
    mid,
    best,
    slippage: walk.filled > 0 ? (dir * (walk.vwap - mid)) / mid : Number.NaN,
    impact: walk.filled > 0 ? (dir * (walk.vwap - best)) / best : Number.NaN,
  };
}
