import type { BookLevel, Candle, OrderBook, Side } from '../../market-data/types.js';
import { walkBook } from '../../execution/slippage.js';

/** One match: amount at an average price, as maker or taker. */
export interface Match {
  amount: number;
  price: number;
  liquidity: 'maker' | 'taker';
}

const opposite = (book: OrderBook, side: Side): readonly BookLevel[] => (side === 'buy' ? book.asks : book.bids);

/**
 * The book after our order of `side` took `amount` from the opposite side, best levels first:
 * the liquidity we took is gone until the next recorded book replaces it.
 */
export function consume(book: OrderBook, side: Side, amount: number): OrderBook {
  const levels: BookLevel[] = [];
  let left = amount;
  for (const [price, size] of opposite(book, side)) {
    if (left >= size - 1e-12) {
      left -= size;
      continue;
    }
    levels.push(left > 0 ? [price, size - left] : [price, size]);
    left = 0;
  }
  return side === 'buy' ? { ...book, asks: levels } : { ...book, bids: levels };
}

/** A taker order walking the book (up to a limit price, if any): one match at the VWAP, or none. */
export function takeFromBook(book: OrderBook, side: Side, amount: number, limitPrice?: number): Match | undefined {
  const walk = walkBook(opposite(book, side), amount, limitPrice === undefined ? undefined : { side, price: limitPrice });
  if (!(walk.filled > 0)) return undefined;
  return { amount: walk.filled, price: walk.vwap, liquidity: 'taker' };
}

/**
 * A resting limit order when a new book arrives: the opposite side's levels that cross our price
 * trade with us at our price (maker), up to the amount they show. Queue position is not modelled.
 */
export function restingFromBook(book: OrderBook, side: Side, price: number, remaining: number): Match | undefined {
  const walk = walkBook(opposite(book, side), remaining, { side, price });
  if (!(walk.filled > 0)) return undefined;
  return { amount: walk.filled, price, liquidity: 'maker' };
}

export interface CandleModel {
  /** Max fraction of a bar's volume our orders may take in that bar. */
  maxVolumeFraction: number;
  /** Half spread paid by a market order, as a fraction of price. */
  halfSpread: number;
  /** Square-root impact: slippage = halfSpread + impact × √(amount / bar volume). */
  impact: number;
}

export const DEFAULT_CANDLE_MODEL: Readonly<CandleModel> = Object.freeze({ maxVolumeFraction: 0.1, halfSpread: 0.0002, impact: 0.01 });

/** A market order on the bar after it was placed: the open plus volume-based slippage, within the bar's volume budget. */
export function marketOnCandle(bar: Candle, side: Side, remaining: number, budget: number, model: CandleModel): Match | undefined {
  const amount = Math.min(remaining, budget);
  if (!(amount > 0) || !(bar.volume > 0)) return undefined;
  const slip = model.halfSpread + model.impact * Math.sqrt(amount / bar.volume);
  return { amount, price: side === 'buy' ? bar.open * (1 + slip) : bar.open * (1 - slip), liquidity: 'taker' };
}

/**
 * A limit order that was marketable when placed, on the first bar after: when that bar opens within the limit it takes
 * liquidity like a market order (slippage, taker), at no worse than the limit; otherwise it rests (undefined).
 */
export function marketableLimitOnCandle(bar: Candle, side: Side, price: number, remaining: number, budget: number, model: CandleModel): Match | undefined {
  if (side === 'buy' ? bar.open > price : bar.open < price) return undefined;
  const taken = marketOnCandle(bar, side, remaining, budget, model);
  return taken && { ...taken, price: side === 'buy' ? Math.min(price, taken.price) : Math.max(price, taken.price) };
}

/**
 * A resting limit order on a later bar: fills when the bar trades through the price (low ≤ buy
 * limit, high ≥ sell limit), at the limit or at the open if the bar gapped past it.
 */
export function limitOnCandle(bar: Candle, side: Side, price: number, remaining: number, budget: number): Match | undefined {
  const crosses = side === 'buy' ? bar.low <= price : bar.high >= price;
  const amount = Math.min(remaining, budget);
  if (!crosses || !(amount > 0)) return undefined;
  const fillPrice = side === 'buy' ? Math.min(price, bar.open) : Math.max(price, bar.open);
  return { amount, price: fillPrice, liquidity: 'maker' };
}
