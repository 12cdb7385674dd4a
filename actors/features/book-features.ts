import type { BookAtClose, FeatureDefinition } from './feature.js';

/** Quote value (Σ price × amount) of a side's levels within `fraction` of mid (bids ≥ mid(1-f), asks ≤ mid(1+f)). */
export function depthWithin(book: BookAtClose, side: 'bids' | 'asks', fraction: number): number | null {
  const bid = book.bids[0]?.[0];
  const ask = book.asks[0]?.[0];
  if (bid === undefined || ask === undefined) return null;
  const mid = (bid + ask) / 2;
  const inside = side === 'bids' ? (p: number) => p >= mid * (1 - fraction) : (p: number) => p <= mid * (1 + fraction);
  let value = 0;
  for (const [price, amount] of book[side]) {
    if (!inside(price)) break;
    value += price * amount;
  }
  return value;
}

function fromBook(name: string, source: string, value: (book: BookAtClose) => number | null): FeatureDefinition {
  return {
    name,
    group: 'order_book_data',
    source: `books: ${source}`,
    lag: 'book at close of bar t',
    warmUp: 0,
    needs: 'books',
    start: () => (bar) => (bar.book === undefined ? null : value(bar.book)),
  };
}

const depth = (side: 'bids' | 'asks', bp: number): FeatureDefinition =>
  fromBook(`${side === 'bids' ? 'bid' : 'ask'}_depth_${bp}bp`, `${side} within ${bp / 100}% of mid, quote value`, (book) => depthWithin(book, side, bp / 10_000));

/**
 * The book at the bar's close: depth (quote value) each side within ±0.1% and ±0.5% of mid, the spread relative to
 * mid, and the depth imbalance (bid - ask) / (bid + ask) within ±0.5%.
 */
export const BOOK_FEATURES: readonly FeatureDefinition[] = [
  depth('bids', 10),
  depth('asks', 10),
  depth('bids', 50),
  depth('asks', 50),
  fromBook('spread_rel', '(best ask - best bid) / mid', (book) => {
    const bid = book.bids[0]?.[0];
    const ask = book.asks[0]?.[0];
    return bid === undefined || ask === undefined ? null : (ask - bid) / ((ask + bid) / 2);
  }),
  fromBook('depth_imbalance_50bp', '(bid - ask) / (bid + ask) of the depth within 0.5% of mid', (book) => {
    const bid = depthWithin(book, 'bids', 0.005);
    const ask = depthWithin(book, 'asks', 0.005);
    return bid === null || ask === null || bid + ask === 0 ? null : (bid - ask) / (bid + ask);
  }),
];
