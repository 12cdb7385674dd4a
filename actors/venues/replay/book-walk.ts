import type { BookLevel, OrderBook, Side } from '../../market-data/types.js';

export interface BookWalk {
  /** Amount filled: less than asked when the book runs out (a partial fill). */
  filled: number;
  /** Volume-weighted price of the filled part; NaN when nothing filled. */
  avgPrice: number;
  levelsUsed: number;
  /** Slippage of avgPrice against the best price, as a positive fraction. */
  slippage: number;
}

/** Walks a recorded book for a market order: buys eat asks from the best up, sells eat bids from the best down. */
export function walkBook(book: OrderBook, side: Side, amount: number, maxLevels = Infinity): BookWalk {
  const levels: readonly BookLevel[] = side === 'buy' ? book.asks : book.bids;
  let left = amount;
  let cost = 0;
  let used = 0;
  for (const [price, size] of levels) {
    if (left <= 0 || used >= maxLevels) break;
    const take = Math.min(left, size);
    cost += take * price;
    left -= take;
    used += 1;
  }
  const filled = amount - left;
  const avgPrice = filled > 0 ? cost / filled : NaN;
  const best = levels[0]?.[0];
  const slippage = filled > 0 && best !== undefined ? Math.abs(avgPrice - best) / best : 0;
  return { filled, avgPrice, levelsUsed: used, slippage };
}

/** A market order's fill on a recorded book under a fill model's fee; undefined when the book side is empty. */
export function fillOnBook(takerFee: number, side: Side, remaining: number, book: OrderBook): { price: number; amount: number; fee: number } | undefined {
  const w = walkBook(book, side, remaining);
  if (!(w.filled > 0)) return undefined;
  return { price: w.avgPrice, amount: w.filled, fee: w.avgPrice * w.filled * takerFee };
}
