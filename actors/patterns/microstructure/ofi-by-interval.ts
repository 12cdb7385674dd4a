import type { BookAtClose } from '../../features/feature.js';
import { multiLevelOfi } from './order-flow-imbalance.js';

/** The OFI summed over one time interval [start, start + intervalMs): per level, best first. */
export interface IntervalOfi {
  start: number;
  /** Σ e_n at each level over the book changes whose later book falls in the interval. */
  ofi: number[];
  /** Book changes counted. */
  events: number;
}

/**
 * OFI per interval (Cont, Kukanov & Stoikov 2014 sum e_n over fixed time intervals): the books in time order, each
 * change (books[i-1] → books[i]) counted in the interval holding books[i].ts, intervals laid from `from` onwards.
 * Every interval from the first to the last book's is returned, an interval without changes as zeros.
 */
export function ofiByInterval(books: readonly BookAtClose[], opts: { from: number; intervalMs: number; levels: number }): IntervalOfi[] {
  const { from, intervalMs, levels } = opts;
  const out: IntervalOfi[] = [];
  const slot = (ts: number) => Math.floor((ts - from) / intervalMs);
  for (let i = 1; i < books.length; i++) {
    const k = slot(books[i]!.ts);
    if (k < 0) continue;
    while (out.length <= k) out.push({ start: from + out.length * intervalMs, ofi: new Array<number>(levels).fill(0), events: 0 });
    const e = multiLevelOfi(books[i - 1]!, books[i]!, levels);
    const bucket = out[k]!;
    for (let m = 0; m < levels; m++) bucket.ofi[m] = bucket.ofi[m]! + e[m]!;
    bucket.events += 1;
  }
  return out;
}
