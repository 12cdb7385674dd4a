import type { BookAtClose } from '../../features/feature.js';
import type { Trade } from '../../market-data/trades/trade.js';
import { midPrice } from '../../market-data/types.js';
import { ols, type Regression } from './ols.js';

/** One interval's observation: the mid-price change over it and the signed taker volume traded in it. */
export interface FlowInterval {
  start: number;
  midChange: number;
  /** Σ qty of taker buys − Σ qty of taker sells, base units. */
  signedFlow: number;
}

/**
 * Per interval [from + kΔ, from + (k+1)Δ) up to `to`: the change of the mid (the last book at or before each edge)
 * and the signed order flow of the trades inside it. An interval whose start has no book yet is left out.
 */
export function flowIntervals(trades: readonly Trade[], books: readonly BookAtClose[], opts: { from: number; to: number; intervalMs: number }): FlowInterval[] {
  const { from, to, intervalMs } = opts;
  const count = Math.floor((to - from) / intervalMs);
  const out: FlowInterval[] = [];
  let b = -1;
  let t = 0;
  const midAt = (ts: number): number | null => {
    while (b + 1 < books.length && books[b + 1]!.ts <= ts) b++;
    return b < 0 ? null : (midPrice(books[b]!) ?? null);
  };
  while (t < trades.length && trades[t]!.ts < from) t++;
  let startMid = midAt(from);
  for (let k = 0; k < count; k++) {
    const start = from + k * intervalMs;
    const end = start + intervalMs;
    let flow = 0;
    while (t < trades.length && trades[t]!.ts < end) {
      const trade = trades[t++]!;
      flow += trade.takerSide === 'buy' ? trade.qty : -trade.qty;
    }
    const endMid = midAt(end);
    if (startMid !== null && endMid !== null) out.push({ start, midChange: endMid - startMid, signedFlow: flow });
    startMid = endMid;
  }
  return out;
}

/**
 * Kyle's lambda (Kyle 1985, "Continuous auctions and insider trading"; estimated as in Hasbrouck 2007, "Empirical
 * Market Microstructure", ch. 5): the OLS slope of the mid change on the signed order flow per interval, in price
 * per base unit. Null when fewer than 2 intervals or the flow never varies.
 */
export function kyleLambda(intervals: readonly FlowInterval[]): Regression | null {
  return ols(
    intervals.map((i) => i.signedFlow),
    intervals.map((i) => i.midChange),
  );
}
