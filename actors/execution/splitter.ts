import type { BookLevel, OrderBook, Side } from '../market-data/types.js';

export interface SplitOptions {
  /** Each child takes at most this fraction of the visible liquidity on the side taken. Default 0.1. */
  maxParticipation?: number;
  /** At most this many children are scheduled; the rest is dropped. Default 10. */
  maxChildren?: number;
  /** Delay between children so the book can refill. Default 1,000 ms. */
  intervalMs?: number;
  /** Only liquidity at or better than this price counts (for limit orders). */
  limit?: { side: Side; price: number };
  /** Exchange amount step (e.g. Binance stepSize): children are floored to it. */
  amountStep?: number;
}

export interface ChildOrder {
  index: number;
  amount: number;
  /** When to send it, relative to the first child. */
  delayMs: number;
}

export interface Split {
  children: ChildOrder[];
  /** Sum of the children. */
  scheduled: number;
  /**
   * Not scheduled: beyond maxChildren × the child cap, lost to amountStep rounding, or everything
   * when the side is empty. The caller reports it (the strategy may send a new intent later).
   */
  dropped: number;
  /** Visible liquidity on the side taken (within the limit). */
  liquidity: number;
  /** The per-child cap: maxParticipation × liquidity. */
  maxChild: number;
}

export function availableLiquidity(levels: readonly BookLevel[], limit?: SplitOptions['limit']): number {
  let total = 0;
  for (const [price, size] of levels) {
    if (limit && (limit.side === 'buy' ? price > limit.price : price < limit.price)) break;
    total += size;
  }
  return total;
}

/**
 * Anti-slippage split: equal children, each ≤ maxParticipation of the visible liquidity on the side
 * taken, spaced intervalMs apart. What does not fit in maxChildren children is dropped, not queued.
 */
export function planSplit(amount: number, levels: readonly BookLevel[], options: SplitOptions = {}): Split {
  const maxParticipation = options.maxParticipation ?? 0.1;
  const maxChildren = options.maxChildren ?? 10;
  const intervalMs = options.intervalMs ?? 1_000;
  const liquidity = availableLiquidity(levels, options.limit);
  const maxChild = liquidity * maxParticipation;
  if (!(amount > 0) || !(maxChild > 0)) return { children: [], scheduled: 0, dropped: Math.max(0, amount), liquidity, maxChild };
  const fits = Math.min(amount, maxChild * maxChildren);
  const count = Math.ceil(fits / maxChild - 1e-9);
  let each = fits / count;
  if (options.amountStep) each = Math.floor(each / options.amountStep + 1e-9) * options.amountStep;
  if (!(each > 0)) return { children: [], scheduled: 0, dropped: amount, liquidity, maxChild };
  const children: ChildOrder[] = Array.from({ length: count }, (_, index) => ({ index, amount: each, delayMs: index * intervalMs }));
  const scheduled = each * count;
  return { children, scheduled, dropped: Math.max(0, amount - scheduled), liquidity, maxChild };
}

/**
 * Child amounts for a taker order of `amount` on `side` against `book` (planSplit with the defaults
 * and the given participation). An empty array means no liquidity; see planSplit for what is dropped.
 */
export function splitOrder(amount: number, side: Side, book: OrderBook, maxParticipation = 0.1): number[] {
  return planSplit(amount, side === 'buy' ? book.asks : book.bids, { maxParticipation }).children.map((c) => c.amount);
}
