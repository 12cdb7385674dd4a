import type { OrderBook, Side } from '../market-data/types.js';
import type { Fill } from '../ledger/types.js';

export interface VenueOrderRequest {
  clientOrderId: string;
  symbol: string;
  side: Side;
  type: 'market' | 'limit';
  amount: number;
  price?: number;
}

export type VenueOrderStatus = 'open' | 'closed' | 'canceled' | 'rejected';

export interface VenueOrder {
  clientOrderId: string;
  venueOrderId?: string;
  symbol: string;
  side: Side;
  status: VenueOrderStatus;
  amount: number;
  filled: number;
  /** Fills not yet reported for this order, oldest first. */
  fills: Omit<Fill, 'intentId' | 'strategy'>[];
  /** What the venue says of it, for the journal's detail (reconciliation keeps it). */
  detail?: string;
}

export interface Balance {
  free: number;
  used: number;
  total: number;
}

/** What a venue can do (after ccxt's `has`). */
export interface VenueCapabilities {
  cancelOrder: boolean;
  fetchOrderByClientId: boolean;
  watchOrderBook: boolean;
}

/**
 * One interface for every venue. Errors thrown are ArbiterErrors:
 * VenueUnavailableError (timeout/5xx: outcome unknown), RateLimitedError, OrderRejectedError.
 */
export interface Venue {
  readonly id: string;
  readonly capabilities: VenueCapabilities;
  /** Taker and maker fee rates, as fractions of notional. */
  readonly fees: { maker: number; taker: number };
  /**
   * Its orders live in the memory of this process (paper, the local exchanges): after a crash the
   * restarted venue has never seen them, and reconciliation records them as lost, not as never placed.
   */
  readonly inProcess?: boolean;
  createOrder(request: VenueOrderRequest): Promise<VenueOrder>;
  cancelOrder(clientOrderId: string, symbol: string): Promise<VenueOrder>;
  /** Undefined when the venue has never seen that id. */
  fetchOrderByClientId(clientOrderId: string, symbol: string): Promise<VenueOrder | undefined>;
  fetchOrderBook(symbol: string, limit?: number): Promise<OrderBook>;
  fetchBalance(): Promise<Record<string, Balance>>;
  close(): Promise<void>;
}
