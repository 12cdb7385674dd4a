import type { RiskState } from './intent.js';

export interface Position {
  /** Signed base amount: positive long, negative short. */
  qty: number;
  avgPrice: number;
}

/** Approved orders on a symbol not yet filled or cancelled, in base units. */
export interface PendingOrders {
  openBuy: number;
  openSell: number;
  /** Reduce-only orders (they all trade against the position). */
  reduce: number;
}

/** What risk knows when it judges an intent. Plain data, so it serialises into a machine snapshot. */
export interface RiskView {
  state: RiskState;
  /** Capital allocated to this book (position limits are a fraction of it). */
  capital: number;
  /** Current equity: capital + realized + unrealized P&L. */
  equity: number;
  dayStartEquity: number;
  /** Realized + unrealized P&L since the day started (negative = loss). */
  dailyPnl: number;
  /** Positions by symbol. */
  positions: Record<string, Position>;
  /** Last mark price by symbol (mid of the last book, close of the last candle). */
  marks: Record<string, number>;
  /** Notional of approved open (exposure-adding) orders not yet filled or cancelled. */
  openOrdersNotional: number;
  /** The same orders by symbol and direction, so two in-flight orders cannot jointly break a limit. */
  pending: Record<string, PendingOrders>;
  /** Timestamps of recent approvals of submits (cancels excluded), ascending. */
  recentSubmits: number[];
  /** Last market-data receipt time by `${venue}:${symbol}`. */
  lastMarketData: Record<string, number>;
  /**
   * What each market's connection last reported, by `${venue}:${symbol}` (market.live / market.stale).
   * Live: synced and watched, so fresh even if the book has not changed. Stale: vetoed until live again.
   * Markets without a connection (replayed candles) are judged on data age alone.
   */
  feeds?: Record<string, FeedStatus>;
  /** The latest VPIN of each market, by `${venue}:${symbol}` (market.toxicity). */
  toxicity?: Record<string, Toxicity>;
  /**
   * Each owner's signed position and pending reduce orders, by `strategyKey(owner, symbol)`, where the
   * owner is the intent's leg group (a multi-leg trade) or else its strategy. Reduce-only judges a
   * hedge against what its own group (or strategy) filled: a triangle's hedge unwinds that triangle's
   * legs, whatever earlier triangles or another strategy hold on the same symbol.
   * Absent: reduce-only uses the symbol's position.
   */
  strategyPositions?: Record<string, number>;
  strategyPendingReduce?: Record<string, number>;
}

export function strategyKey(owner: string, symbol: string): string {
  return `${owner} ${symbol}`;
}

export interface FeedStatus {
  state: 'live' | 'stale';
  /** When the connection reported it (for stale: the last update it had received). */
  since: number;
}

/** A market's order-flow toxicity as its pattern actor last published it. */
export interface Toxicity {
  /** VPIN in [0, 1]. */
  vpin: number;
  /** Its percentile among the market's earlier VPINs. */
  percentile: number;
  /** When it was measured (the message's ts). */
  ts: number;
}

const NONE: PendingOrders = Object.freeze({ openBuy: 0, openSell: 0, reduce: 0 });

export function pendingOf(view: RiskView, symbol: string): PendingOrders {
  return view.pending[symbol] ?? NONE;
}

export function positionQty(view: RiskView, symbol: string): number {
  return view.positions[symbol]?.qty ?? 0;
}

/** Mark for a symbol: the last mark, else the average entry price, else 0. */
export function markOf(view: RiskView, symbol: string): number {
  return view.marks[symbol] ?? view.positions[symbol]?.avgPrice ?? 0;
}

/** Sum of |qty| × mark over all positions except `exceptSymbol`. */
export function grossExposure(view: RiskView, exceptSymbol?: string): number {
  let gross = 0;
  for (const [symbol, p] of Object.entries(view.positions)) {
    if (symbol === exceptSymbol) continue;
    gross += Math.abs(p.qty) * markOf(view, symbol);
  }
  return gross;
}

/** Freshest market-data time for a symbol on a venue, or on any venue when venue is 'auto'. */
export function lastDataTs(view: RiskView, venue: string, symbol: string): number | undefined {
  if (venue !== 'auto') return view.lastMarketData[`${venue}:${symbol}`];
  let last: number | undefined;
  for (const [key, ts] of Object.entries(view.lastMarketData)) {
    if (key.endsWith(`:${symbol}`) && (last === undefined || ts > last)) last = ts;
  }
  return last;
}

/** The connection status of a market, or for venue 'auto' a live one on any venue (else a stale one, if any). */
export function feedOf(view: RiskView, venue: string, symbol: string): FeedStatus | undefined {
  const feeds = view.feeds ?? {};
  if (venue !== 'auto') return feeds[`${venue}:${symbol}`];
  let found: FeedStatus | undefined;
  for (const [key, feed] of Object.entries(feeds)) {
    if (!key.endsWith(`:${symbol}`)) continue;
    if (feed.state === 'live') return feed;
    found ??= feed;
  }
  return found;
}

export function submitsInWindow(view: RiskView, now: number, windowMs: number): number {
  let n = 0;
  for (const ts of view.recentSubmits) if (ts > now - windowMs && ts <= now) n += 1;
  return n;
}

/**
 * The latest VPIN of a market measured at most `maxAgeMs` before `now`; for venue 'auto' the one standing highest in
 * its own history on any venue (the router may pick any of them).
 */
export function toxicityOf(view: RiskView, venue: string, symbol: string, now: number, maxAgeMs: number): Toxicity | undefined {
  const fresh = (t: Toxicity | undefined) => (t !== undefined && now - t.ts <= maxAgeMs ? t : undefined);
  const all = view.toxicity ?? {};
  if (venue !== 'auto') return fresh(all[`${venue}:${symbol}`]);
  let worst: Toxicity | undefined;
  for (const [key, t] of Object.entries(all)) {
    if (key.endsWith(`:${symbol}`) && fresh(t) && (worst === undefined || t.percentile > worst.percentile)) worst = t;
  }
  return worst;
}
