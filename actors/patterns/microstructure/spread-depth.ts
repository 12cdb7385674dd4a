import type { BookAtClose } from '../../features/feature.js';
import { depthWithin } from '../../features/book-features.js';

/** The quoted spread: best ask − best bid, and that over the mid. Null when a side is empty. */
export function spread(book: BookAtClose): { absolute: number; relative: number } | null {
  const bid = book.bids[0]?.[0];
  const ask = book.asks[0]?.[0];
  if (bid === undefined || ask === undefined) return null;
  return { absolute: ask - bid, relative: (ask - bid) / ((ask + bid) / 2) };
}

/**
 * Depth imbalance over the best `levels` levels a side, in base units: (Σ bid size − Σ ask size) / (Σ bid + Σ ask),
 * in [-1, 1], positive when bids outweigh asks (levels = 1: the imbalance at the best quotes). Null with no size.
 */
export function depthImbalance(book: BookAtClose, levels: number): number | null {
  let bid = 0;
  let ask = 0;
  for (let i = 0; i < levels && i < book.bids.length; i++) bid += book.bids[i]![1];
  for (let i = 0; i < levels && i < book.asks.length; i++) ask += book.asks[i]![1];
  return bid + ask === 0 ? null : (bid - ask) / (bid + ask);
}

/** The same imbalance over the quote value within `fraction` of mid each side (the features' depthWithin). */
export function depthImbalanceWithin(book: BookAtClose, fraction: number): number | null {
  const bid = depthWithin(book, 'bids', fraction);
  const ask = depthWithin(book, 'asks', fraction);
  return bid === null || ask === null || bid + ask === 0 ? null : (bid - ask) / (bid + ask);
}
