import { readFileSync } from 'node:fs';
import type { BookLevel, OrderBook } from '../../actors/market-data/types.js';

const DATA = new URL('../../data/books/', import.meta.url);

/** Binance BTCUSDT 100-level snapshot (bids only in this recording), 2022-11-01. */
export function binanceBtcusdtBids(): OrderBook {
  const rows = readFileSync(new URL('binance_btcusdt_depth_snapshot.csv', DATA), 'utf8').trim().split('\n').slice(1);
  const bids: BookLevel[] = rows.map((r) => {
    const c = r.split(',');
    return [Number(c[6]), Number(c[7])] as const;
  });
  const ts = Number(rows[0]!.split(',')[1]);
  return { venue: 'binance', symbol: 'BTC/USDT', ts, bids, asks: [] };
}

interface RawBook { exchange: string; symbol: string; recorded_utc: string; bids: [string, string][]; asks: [string, string][] }

/** Top-50 two-sided books (cryptofeed sample data): gateio BTC_USDC, bittrex BTC-EUR, bitstamp ethusd, binance NKNUSDT. */
export function sampleBook(exchange: string, symbol: string): OrderBook {
  const raw = JSON.parse(readFileSync(new URL('l2_top50_sample.json', DATA), 'utf8')) as { books: RawBook[] };
  const b = raw.books.find((x) => x.exchange === exchange && x.symbol === symbol);
  if (!b) throw new Error(`no sample book ${exchange} ${symbol}`);
  const levels = (xs: [string, string][]): BookLevel[] => xs.map(([p, a]) => [Number(p), Number(a)] as const);
  return { venue: exchange, symbol, ts: Date.parse(b.recorded_utc), bids: levels(b.bids), asks: levels(b.asks) };
}

/** The same real book with every level's size scaled: a thinner or deeper venue at the same prices. */
export function scaled(book: OrderBook, venue: string, factor: number): OrderBook {
  const s = (ls: BookLevel[]): BookLevel[] => ls.map(([p, a]) => [p, a * factor] as const);
  return { ...book, venue, bids: s(book.bids), asks: s(book.asks) };
}
