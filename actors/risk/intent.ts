import type { Side } from '../market-data/types.js';

/** What a strategy asks for. Only the risk actor turns an intent into an approval. */
export interface OrderIntent {
  /** Deterministic per strategy: `${strategy}-${sequence}`. Becomes the root of the clientOrderId. */
  intentId: string;
  strategy: string;
  /** Venue id, or 'auto' to let the router pick the cheapest. */
  venue: string;
  symbol: string;
  side: Side;
  /** open adds exposure, reduce only lowers it, cancel withdraws a resting order. */
  kind: 'open' | 'reduce' | 'cancel';
  type: 'market' | 'limit';
  /** Base-currency amount. */
  amount: number;
  /** Limit price, or for a market order the reference price the strategy saw. */
  price: number;
  /** Arbitrage intents state their expected net profit as a fraction (0.001 = 0.1%). */
  expectedProfit?: number;
  /** Fraction of price to the stop, used by position sizing. */
  stopLossDistance?: number;
  /** With kind 'cancel': the order to cancel. */
  cancelClientOrderId?: string;
  /** Legs of one multi-leg trade share a group id. */
  legGroup?: string;
}

/** Closed set of reasons a trade is refused. Every veto carries one and a human-readable detail. */
export type DenyReason =
  | 'HALTED'
  | 'REDUCE_ONLY'
  | 'INVALID_INTENT'
  | 'POSITION_LIMIT'
  | 'DAILY_LOSS_LIMIT'
  | 'LEVERAGE_LIMIT'
  | 'MIN_PROFIT'
  | 'MAX_NOTIONAL'
  | 'RATE_LIMIT'
  | 'STALE_MARKET_DATA'
  | 'INSUFFICIENT_LIQUIDITY'
  /** The cluster's shared budget (actors/risk/global-budget) refused the order. */
  | 'GLOBAL_BUDGET';

export type RiskState = 'ACTIVE' | 'REDUCING' | 'HALTED';
