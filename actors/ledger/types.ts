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
