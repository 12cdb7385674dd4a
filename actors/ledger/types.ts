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

export type OrderStatus = 'approved' | 'submitted' | 'partially_filled' | 'filled' | 'cancelled' | 'rejected' | 'unknown';

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
