import type { BookAtClose } from '../../features/feature.js';

/** (best bid + best ask) / 2, or null when a side is empty. */
export function midPrice(book: BookAtClose): number | null {
  const bid = book.bids[0]?.[0];
  const ask = book.asks[0]?.[0];
  return bid === undefined || ask === undefined ? null : (bid + ask) / 2;
}
