/** Market data shapes shared by venues, strategies, risk and execution. Prices and amounts are floats (signals); on-chain code uses bigint. */

/** One symbol's bar, as replay steps and `candles.closed` carry them. */
export interface SymbolBar {
  symbol: string;
  candle: Candle;
}

export interface Candle {
  /** Open time, epoch ms. */
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** [price, amount], ccxt order-book order: bids descending, asks ascending. */
export type BookLevel = readonly [price: number, amount: number];

export interface OrderBook {
  venue: string;
  symbol: string;
  /** Exchange time of the book, epoch ms. */
  ts: number;
  bids: BookLevel[];
  asks: BookLevel[];
}

export type Side = 'buy' | 'sell';

export function midPrice(book: { readonly bids: readonly BookLevel[]; readonly asks: readonly BookLevel[] }): number | undefined {
  const bid = book.bids[0]?.[0];
  const ask = book.asks[0]?.[0];
  if (bid === undefined || ask === undefined) return undefined;
  return (bid + ask) / 2;
}
