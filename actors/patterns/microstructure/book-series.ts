import { BookSide } from '../../market-data/order-book/book-side.js';
import type { BookAtClose } from '../../features/feature.js';
import type { BookTape } from '../../features/inputs/book-tape.js';

/**
 * The top `levels` of each side after every change of a book tape, one book per distinct update time (updates that
 * share a time are applied together), in time order: the event sequence order-flow imbalance is read from.
 * `from`/`to` (epoch ms, inclusive) keep only the books in that span; the updates before `from` are still applied.
 */
export function topOfBookSeries(tape: BookTape, levels: number, span: { from?: number; to?: number } = {}): BookAtClose[] {
  const bids = new BookSide('bids');
  const asks = new BookSide('asks');
  const out: BookAtClose[] = [];
  const from = span.from ?? -Infinity;
  const to = span.to ?? Infinity;
  const updates = tape.updates;
  for (let i = 0; i < updates.length; i++) {
    const u = updates[i]!;
    if (u.ts > to) break;
    if (u.snapshot) {
      bids.load(u.bids);
      asks.load(u.asks);
    } else {
      for (const [price, amount] of u.bids) bids.set(price, amount);
      for (const [price, amount] of u.asks) asks.set(price, amount);
    }
    const last = i + 1 === updates.length || updates[i + 1]!.ts !== u.ts;
    if (last && u.ts >= from) out.push({ ts: u.ts, bids: bids.top(levels), asks: asks.top(levels) });
  }
  return out;
}
