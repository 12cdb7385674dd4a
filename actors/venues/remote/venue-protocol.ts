import type { Balance, Venue, VenueCapabilities, VenueOrder } from '../venue.js';
import type { OrderBook } from '../../market-data/types.js';
import type { VenueFill } from '../../../machines/order.machine.js';
import type { WireError } from './wire-error.js';

/** The Venue calls that travel, plus `describe` (id, capabilities, fees) for the remote side's constructor. */
export type VenueOp = 'describe' | 'createOrder' | 'cancelOrder' | 'fetchOrderByClientId' | 'fetchOrderBook' | 'fetchBalance';

export interface VenueRequest {
  requestId: string;
  /** The reply stream of the node that asks. */
  replyTo: string;
  op: VenueOp;
  /** The call's arguments, in order. */
  args: unknown[];
  /**
   * Epoch ms past which the asker has given up (its timeout): a createOrder served later is refused, not placed, so
   * an order the asker reconciles as never placed cannot appear afterwards.
   */
  deadline: number;
}

export type VenueReply = { requestId: string; ok: true; value: unknown } | { requestId: string; ok: false; error: WireError };

export interface VenueDescription {
  id: string;
  capabilities: VenueCapabilities;
  fees: Venue['fees'];
  inProcess?: boolean;
}

/** One entry of the order-events stream. */
export type OrderEvent =
  | { kind: 'order'; node: string; venue: string; order: Omit<VenueOrder, 'fills'> }
  | { kind: 'fill'; node: string; venue: string; fill: VenueFill };

