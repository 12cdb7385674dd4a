/**
 * The triangle markets around one recorded symbol for the ingestion bench. Only the recorded symbol has a real
 * stream; its partner legs are held fixed at the top of book of the real Binance tickers of 2020-10-09 02:05Z
 * (data/tickers, rules from the exchangeInfo of the same minute), with every price quoted in or for the recorded
 * symbol's base asset rescaled by k = (recorded snapshot mid) / (2020 mid of the recorded symbol): the triangles
 * are then as consistent at the snapshot as the 2020 market was, and each recorded diff moves them as it moved
 * the real market.
 */
import { readFileSync } from 'node:fs';
import { buildMarkets, parseExchangeInfo, parseTickers, type SpotMarket } from '../actors/strategies/triangular/snapshot.js';
import type { BookLevel } from '../actors/market-data/types.js';
import type { DepthSnapshot } from '../actors/market-data/order-book/diff-book.js';

const data = (path: string) => JSON.parse(readFileSync(new URL(`../data/${path}`, import.meta.url), 'utf8')) as unknown;

const levels = (side: DepthSnapshot['bids'], depth: number): BookLevel[] => side.slice(0, depth).map(([p, q]) => [Number(p), Number(q)] as const);

export interface IngestMarkets {
  /** Every market of the triangles, the recorded one with the snapshot's depth. */
  markets: SpotMarket[];
  /** The fixed legs, as `base/quote` symbols. */
  fixed: SpotMarket[];
  /** The rescaling factor applied to the fixed legs. */
  k: number;
}

/** `recorded` and `fixed` are Binance symbols (BTCUSDT); the fixed ones must form triangles with the recorded one. */
export function ingestMarkets(recorded: string, fixed: readonly string[], snapshot: DepthSnapshot, depth: number): IngestMarkets {
  const tickers = parseTickers(data('tickers/binance_24hr_2020-10-09T0205Z.json'), 'tickers');
  const info = parseExchangeInfo(data('markets/binance_exchangeInfo_2020-10-09T0204Z.json'), 'exchangeInfo');
  const all = buildMarkets(tickers, info);
  const find = (symbol: string): SpotMarket => {
    const m = all.find((x) => x.symbol === symbol);
    if (!m) throw new Error(`no 2020 ticker for ${symbol}`);
    return m;
  };
  const then = find(recorded);
  const mid = (m: { bids: readonly BookLevel[]; asks: readonly BookLevel[] }) => (m.bids[0]![0] + m.asks[0]![0]) / 2;
  const bids = levels(snapshot.bids, depth);
  const asks = levels(snapshot.asks, depth);
  const k = mid({ bids, asks }) / mid(then);
  const scale = (side: BookLevel[], f: number): BookLevel[] => side.map(([p, q]) => [p * f, q] as const);
  const legs = fixed.map((symbol) => {
    const m = find(symbol);
    const f = m.base === then.base ? k : m.quote === then.base ? 1 / k : 1;
    return { ...m, bids: scale(m.bids, f), asks: scale(m.asks, f) };
  });
  return { markets: [{ ...then, bids, asks }, ...legs], fixed: legs, k };
}
