import type { Candle, Side } from '../types.js';

/** One closed bar of one market, as market_candles holds it. */
export interface CandleRow {
  venue: string;
  symbol: string;
  /** Bar length in ms. */
  timeframeMs: number;
  candle: Candle;
}

/** One exchange trade of one market, as market_trades holds it. */
export interface TradeRow {
  venue: string;
  symbol: string;
  /** The exchange's id for the trade, unique per venue and symbol. */
  tradeId: string;
  /** Exchange trade time, epoch ms. */
  ts: number;
  price: number;
  /** Base units. */
  amount: number;
  /** The aggressor's side. */
  side: Side;
}

/** What the tables hold for one market: rows and the open times of the first and last. */
export interface HistoryHolding {
  venue: string;
  symbol: string;
  /** For candles; undefined for trades. */
  timeframeMs?: number;
  rows: number;
  firstTs: number;
  lastTs: number;
}
