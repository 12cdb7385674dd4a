import type { OrderBook } from '../types.js';
import { BookSide } from './book-side.js';

/** A Binance diff-depth event: U = first update id, u = last; pu (futures) = previous event's u. */
export interface DepthDiffEvent {
  U: number;
  u: number;
  pu?: number;
  /** Event time, ms. */
  E?: number;
  b: ReadonlyArray<readonly [string | number, string | number]>;
  a: ReadonlyArray<readonly [string | number, string | number]>;
}

export interface DepthSnapshot {
  lastUpdateId: number;
  bids: ReadonlyArray<readonly [string | number, string | number]>;
  asks: ReadonlyArray<readonly [string | number, string | number]>;
}

export type SyncResult =
  /** Waiting for a snapshot; the event is kept. */
  | 'buffered'
  | 'applied'
  /** Older than the book: nothing to do. */
  | 'stale'
  /** Events are missing between the book and this event: take a new snapshot. */
  | 'gap';

/**
 * An order book kept from a REST snapshot plus the websocket's diffs, after Binance's rules:
 * buffer diffs, drop those with u <= lastUpdateId, the first applied (buffered, or arriving after the
 * snapshot) must straddle lastUpdateId+1, each next must start at the previous u + 1 (or name it as pu).
 * Anything else is a gap: the book goes back to buffering until the caller supplies a fresh snapshot.
 */
export class DiffBook {
  private readonly bids = new BookSide('bids');
  private readonly asks = new BookSide('asks');
  private buffer: DepthDiffEvent[] = [];
  private lastId = -1;
  private synced = false;
  /** Synced from a snapshot that no buffered diff reached past: the next diff must straddle it. */
  private awaitingFirst = false;
  lastEventTs = 0;
  gaps = 0;

  constructor(readonly venue: string, readonly symbol: string, private readonly maxBuffer = 10_000) {}

  get isSynced(): boolean {
    return this.synced;
  }

  get lastUpdateId(): number {
    return this.lastId;
  }

  onDiff(ev: DepthDiffEvent): SyncResult {
    if (!this.synced) {
      this.buffer.push(ev);
      if (this.buffer.length > this.maxBuffer) this.buffer.shift();
      return 'buffered';
    }
    if (ev.u <= this.lastId) return 'stale';
    const continuous = this.awaitingFirst
      ? ev.U <= this.lastId + 1 || ev.pu === this.lastId
      : ev.pu !== undefined ? ev.pu === this.lastId : ev.U === this.lastId + 1;
    if (!continuous) return this.lose();
    this.awaitingFirst = false;
    this.apply(ev);
    return 'applied';
  }

  /** Installs a snapshot and replays the buffered diffs. 'gap' means the snapshot is older than the buffer: fetch again. */
  onSnapshot(s: DepthSnapshot): 'synced' | 'gap' {
    this.bids.load(s.bids.map(([p, q]) => [Number(p), Number(q)] as const));
    this.asks.load(s.asks.map(([p, q]) => [Number(p), Number(q)] as const));
    this.lastId = s.lastUpdateId;
    const pending = this.buffer.filter((e) => e.u > s.lastUpdateId);
    this.buffer = [];
    const first = pending[0];
    if (first && !(first.U <= s.lastUpdateId + 1 && first.u >= s.lastUpdateId + 1) && first.pu !== s.lastUpdateId) {
      this.gaps += 1;
      this.buffer = pending;
      return 'gap';
    }
    this.synced = true;
    this.awaitingFirst = first === undefined;
    for (const [k, ev] of pending.entries()) {
      if (k === 0) this.apply(ev);
      else if (this.onDiff(ev) === 'gap') return 'gap';
    }
    return 'synced';
  }

  private lose(): 'gap' {
    this.gaps += 1;
    this.synced = false;
    this.awaitingFirst = false;
    this.buffer = [];
    return 'gap';
  }

  private apply(ev: DepthDiffEvent): void {
    for (const [p, q] of ev.b) this.bids.set(Number(p), Number(q));
    for (const [p, q] of ev.a) this.asks.set(Number(p), Number(q));
    this.lastId = ev.u;
    if (ev.E !== undefined) this.lastEventTs = ev.E;
  }

  /** Drops everything: the next snapshot starts afresh (used on reconnect). */
  reset(): void {
    this.synced = false;
    this.awaitingFirst = false;
    this.buffer = [];
    this.bids.clear();
    this.asks.clear();
  }

  book(depth = 100, ts = this.lastEventTs): OrderBook {
    return { venue: this.venue, symbol: this.symbol, ts, bids: this.bids.top(depth), asks: this.asks.top(depth) };
  }
}
