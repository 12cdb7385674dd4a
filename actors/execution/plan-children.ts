import type { Approval } from '../risk/approval.js';
import type { OrderBook } from '../market-data/types.js';
import type { VenueOrderRequest } from '../venues/venue.js';
import { clientOrderIdFor } from './client-order-id.js';
import { routeOrder } from './router.js';
import { splitOrder } from './splitter.js';

export interface ChildOrder {
  venue: string;
  request: VenueOrderRequest;
}

export interface ChildPlan {
  children: ChildOrder[];
  /** Approved amount that will never be placed (no liquidity for it); risk releases its reservation. */
  unplaced: number;
  /** Why nothing (or less) is sent, for a human. */
  detail: string;
}

export interface PlanContext {
  venues: Record<string, { taker: number }>;
  books: Record<string, OrderBook>;
  maxLiquidityFraction: number;
}

/**
 * Where and in how many pieces an approved intent goes: the router picks the venue with the least
 * total cost when the intent says 'auto'; orders that take liquidity are split so no child takes more
 * than maxLiquidityFraction of the visible depth. Resting limit orders are not split.
 */
export function planChildren(approval: Approval, ctx: PlanContext): ChildPlan {
  const { intent } = approval;
  const venue = intent.venue === 'auto' ? routeOrder(approval, ctx) : intent.venue;
  if (!venue || !ctx.venues[venue]) {
    return { children: [], unplaced: approval.amount, detail: `no usable venue for ${intent.intentId}: asked ${intent.venue}, known ${Object.keys(ctx.venues).join(', ')}` };
  }
  const book = ctx.books[`${venue}:${intent.symbol}`];
  const takesLiquidity = intent.type === 'market';
  const amounts = takesLiquidity && book ? splitOrder(approval.amount, intent.side, book, ctx.maxLiquidityFraction) : [approval.amount];
  const children = amounts.map((amount, index) => ({
    venue,
    request: {
      clientOrderId: clientOrderIdFor(intent.intentId, index),
      symbol: intent.symbol,
      side: intent.side,
      type: intent.type,
      amount,
      price: intent.price,
    },
  }));
  const placed = amounts.reduce((a, b) => a + b, 0);
  const unplaced = Math.max(0, approval.amount - placed);
  const detail = unplaced > 0 ? `${unplaced} of ${approval.amount} ${intent.symbol} not placed: beyond ${ctx.maxLiquidityFraction * 100}% of visible liquidity` : '';
  return { children, unplaced, detail };
}
