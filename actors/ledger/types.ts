import type { Side } from '../market-data/types.js';

export interface Fill {
  fillId: string;
  clientOrderId: string;
  intentId: string;
  strategy: string;
  venue: string;
  symbol: string;
  side: Side;
  price: number;
  amount: number;
  /** Fee in quote currency. */
  fee: number;
  liquidity: 'maker' | 'taker';
  ts: number;
}

/** `lost`: only reconciliation sets it, for a resting order of a venue that ended with the process that placed it. */
export type OrderStatus = 'approved' | 'submitted' | 'partially_filled' | 'filled' | 'cancelled' | 'rejected' | 'unknown' | 'lost';

export interface OrderUpdate {
  clientOrderId: string;
  intentId: string;
  strategy: string;
  venue: string;
  symbol: string;
  side: Side;
  status: OrderStatus;
  filled: number;
  amount: number;
  detail?: string;
}

declare module '../runtime/messages.js' {
  interface MessageMap {
    /**
     * Execution → `strategy:<name>` (risk and the ledger subscribe): what one transition did to that strategy's
     * orders. The fills came first: an update's `filled` already counts them.
     */
    'orders.updated': { updates: readonly OrderUpdate[]; fills: readonly Fill[] };
  }
}
