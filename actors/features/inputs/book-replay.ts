import { BookSide } from '../../market-data/order-book/book-side.js';
import { BOOK_WINDOW, type BookAtClose } from '../feature.js';
import type { BookTape } from './book-tape.js';

/** Replays a book tape forward, bar close by bar close: `at` applies the updates known by then and reads the book. */
export class BookReplay {
  private readonly bids = new BookSide('bids');
  private readonly asks = new BookSide('asks');
  private next = 0;
  private lastTs = 0;

  constructor(private readonly tape: BookTape) {}

  /** The book at `closeTs` (called with rising times), or undefined outside the tape's span. */
  at(closeTs: number): BookAtClose | undefined {
    const updates = this.tape.updates;
    while (this.next < updates.length && updates[this.next]!.ts <= closeTs) {
      const u = updates[this.next++]!;
      if (u.snapshot) {
        this.bids.load(u.bids);
        this.asks.load(u.asks);
      } else {
        for (const [price, amount] of u.bids) this.bids.set(price, amount);
        for (const [price, amount] of u.asks) this.asks.set(price, amount);
      }
      this.lastTs = u.ts;
    }
    if (closeTs < this.tape.from || closeTs > this.tape.to) return undefined;
    const bestBid = this.bids.top(1)[0]?.[0];
    const bestAsk = this.asks.top(1)[0]?.[0];
    if (bestBid === undefined || bestAsk === undefined) return { ts: this.lastTs, bids: this.bids.top(1), asks: this.asks.top(1) };
    const mid = (bestBid + bestAsk) / 2;
    return { ts: this.lastTs, bids: this.bids.upTo(mid * (1 - BOOK_WINDOW)), asks: this.asks.upTo(mid * (1 + BOOK_WINDOW)) };
  }
}
