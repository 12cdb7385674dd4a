import type { OrderBook, Side } from '../market-data/types.js';
import { midPrice } from '../market-data/types.js';
import { takenSide, walkBook } from './slippage.js';

export interface RouteCandidate {
  venue: string;
  book: OrderBook;
  /** Taker fee rate (fraction of notional). */
  takerFee: number;
  /** Round trip to the venue: the time the market can move against us before we fill. */
  latencyMs: number;
}

export interface RouteCost {
  venue: string;
  filled: number;
  complete: boolean;
  vwap: number;
  mid: number;
  /** In quote currency. */
  feeCost: number;
  /** |vwap − mid| × filled: half spread plus depth impact. */
  slippageCost: number;
  /** mid × filled × σ × √(latency in s): the expected adverse move while the order travels. */
  timingCost: number;
  totalCost: number;
  /** All-in price per unit: vwap plus (buy) or minus (sell) fee and timing cost per unit. */
  allInPrice: number;
}

export interface Route {
  best: RouteCost | undefined;
  /** Complete routes first, then by all-in price (cheapest buy / richest sell first). */
  ranked: RouteCost[];
}

/** Cost of taking `amount` on one venue. */
export function routeCost(c: RouteCandidate, side: Side, amount: number, volatilityPerSqrtSec: number): RouteCost {
  const walk = walkBook(takenSide(c.book, side), amount);
  const mid = midPrice(c.book) ?? walk.vwap;
  const filled = walk.filled;
  const feeCost = walk.cost * c.takerFee;
  const slippageCost = filled > 0 ? Math.abs(walk.vwap - mid) * filled : 0;
  const timingCost = mid * filled * volatilityPerSqrtSec * Math.sqrt(c.latencyMs / 1000);
  const dir = side === 'buy' ? 1 : -1;
  const allInPrice = filled > 0 ? (walk.cost + dir * (feeCost + timingCost)) / filled : Number.NaN;
  return {
    venue: c.venue, filled, complete: walk.complete, vwap: walk.vwap, mid,
    feeCost, slippageCost, timingCost, totalCost: feeCost + slippageCost + timingCost, allInPrice,
  };
}

/**
 * Smart order routing: the venue with the least total cost for the whole amount. Costs are
 * compared as all-in prices, so a venue whose whole book sits higher (for a buy) loses even
 * with a tight spread; with equal mids this is exactly the least fee + slippage + timing cost.
 */
export function rankRoutes(candidates: readonly RouteCandidate[], side: Side, amount: number, volatilityPerSqrtSec = 0): Route {
  const costs = candidates.map((c) => routeCost(c, side, amount, volatilityPerSqrtSec)).filter((r) => r.filled > 0);
  const dir = side === 'buy' ? 1 : -1;
  const ranked = costs.sort((a, b) => Number(b.complete) - Number(a.complete) || dir * (a.allInPrice - b.allInPrice));
  return { best: ranked[0], ranked };
}

/** What routeOrder needs from an approval (structurally an Approval). */
export interface RoutableOrder {
  intent: { symbol: string; side: Side };
  amount: number;
}

export interface RoutingContext {
  /** Known venues and their taker fee. */
  venues: Record<string, { taker: number }>;
  /** Latest books by `${venue}:${symbol}`. */
  books: Record<string, OrderBook>;
  latencyMs?: Record<string, number>;
  volatilityPerSqrtSec?: number;
}

/** The venue id with the least total cost for this order, or undefined when no venue has a book for it. */
export function routeOrder(order: RoutableOrder, ctx: RoutingContext): string | undefined {
  const candidates: RouteCandidate[] = [];
  for (const [venue, fees] of Object.entries(ctx.venues)) {
    const book = ctx.books[`${venue}:${order.intent.symbol}`];
    if (book) candidates.push({ venue, book, takerFee: fees.taker, latencyMs: ctx.latencyMs?.[venue] ?? 0 });
  }
  return rankRoutes(candidates, order.intent.side, order.amount, ctx.volatilityPerSqrtSec ?? 0).best?.venue;
}
