import type { BookLevel } from '../types.js';

/** Levels per chunk after a split or a load; a chunk splits when it reaches twice this. */
const CHUNK = 64;

/**
 * One side of an order book, sorted, for books of thousands of levels (a futures book holds ~5,000 a
 * side, and its diffs touch levels far from the top as often as near it). Levels sit in small sorted
 * chunks, worst price first, as plain numbers (price, amount, price, amount, …): a change costs a binary
 * search and a move of at most 4 × CHUNK numbers and allocates nothing that outlives the diff, and the
 * top levels are read off the end without sorting, as new tuples: books handed out never change.
 */
export class BookSide {
  private chunks: number[][] = [];
  private count = 0;
  /** +1 for bids (ascending: the best, highest, last), -1 for asks. */
  private readonly sign: number;

  constructor(side: 'bids' | 'asks') {
    this.sign = side === 'bids' ? 1 : -1;
  }

  get size(): number {
    return this.count;
  }

  /** Sets a level's amount; 0 (or less) removes it. */
  set(price: number, amount: number): void {
    const sign = this.sign;
    const key = sign * price;
    const chunks = this.chunks;
    // The first chunk whose best level is at or beyond the price; past the end: the last chunk.
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = chunks[mid]!;
      if (sign * c[c.length - 2]! < key) lo = mid + 1;
      else hi = mid;
    }
    if (lo === chunks.length) {
      if (amount <= 0) return;
      if (lo === 0) {
        chunks.push([price, amount]);
        this.count = 1;
        return;
      }
      lo -= 1;
    }
    const chunk = chunks[lo]!;
    // Binary search over the chunk's levels (even indexes).
    let a = 0;
    let b = chunk.length >>> 1;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (sign * chunk[2 * mid]! < key) a = mid + 1;
      else b = mid;
    }
    const at = 2 * a;
    const found = at < chunk.length && chunk[at] === price;
    if (amount > 0) {
      if (found) {
        chunk[at + 1] = amount;
        return;
      }
      chunk.splice(at, 0, price, amount);
      this.count += 1;
      if (chunk.length >= 4 * CHUNK) chunks.splice(lo + 1, 0, chunk.splice(2 * CHUNK));
    } else if (found) {
      chunk.splice(at, 2);
      this.count -= 1;
      if (chunk.length === 0) chunks.splice(lo, 1);
    }
  }

  /** Replaces the whole side (a snapshot): one sort instead of a search per level. */
  load(levels: Iterable<BookLevel>): void {
    const all: BookLevel[] = [];
    for (const level of levels) if (level[1] > 0) all.push(level);
    all.sort((x, y) => this.sign * (x[0] - y[0]));
    this.chunks = [];
    for (let i = 0; i < all.length; i += CHUNK) this.chunks.push(all.slice(i, i + CHUNK).flat());
    this.count = all.length;
  }

  /** The best `depth` levels, best first (new tuples, a new array each call). */
  top(depth: number): BookLevel[] {
    const out: BookLevel[] = [];
    for (let c = this.chunks.length - 1; c >= 0 && out.length < depth; c--) {
      const chunk = this.chunks[c]!;
      for (let i = chunk.length - 2; i >= 0 && out.length < depth; i -= 2) out.push([chunk[i]!, chunk[i + 1]!]);
    }
    return out;
  }

  /** The levels from the best to `limit` inclusive (bids at or above it, asks at or below it), best first (new tuples). */
  upTo(limit: number): BookLevel[] {
    const out: BookLevel[] = [];
    const key = this.sign * limit;
    for (let c = this.chunks.length - 1; c >= 0; c--) {
      const chunk = this.chunks[c]!;
      for (let i = chunk.length - 2; i >= 0; i -= 2) {
        if (this.sign * chunk[i]! < key) return out;
        out.push([chunk[i]!, chunk[i + 1]!]);
      }
    }
    return out;
  }

  clear(): void {
    this.chunks = [];
    this.count = 0;
  }
}
