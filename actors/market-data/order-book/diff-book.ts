import type { BookLevel, OrderBook } from '../types.js';

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
 * buffer diffs, drop those with u <= lastUpdateId, the first applied must straddle lastUpdateId+1,
 * each next must start at the previous u + 1 (or name it as pu). Anything else is a gap: the book
 * goes back to buffering until the caller supplies a fresh snapshot.
 */
export class DiffBook {
  private readonly bids = new Map<number, number>();
  private readonly asks = new Map<number, number>();
  private buffer: DepthDiffEvent[] = [];
  private lastId = -1;
  private synced = false;
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
    const continuous = ev.pu !== undefined ? ev.pu === this.lastId : ev.U === this.lastId + 1;
    if (!continuous) return this.lose();
    this.apply(ev);
    return 'applied';
  }

  /** Installs a snapshot and replays the buffered diffs. 'gap' means the snapshot is older than the buffer: fetch again. */
  onSnapshot(s: DepthSnapshot): 'synced' | 'gap' {
    this.bids.clear();
    this.asks.clear();
    for (const [p, q] of s.bids) if (Number(q) > 0) this.bids.set(Number(p), Number(q));
    for (const [p, q] of s.asks) if (Number(q) > 0) this.asks.set(Number(p), Number(q));
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
    for (const [k, ev] of pending.entries()) {
      if (k === 0) this.apply(ev);
      else if (this.onDiff(ev) === 'gap') return 'gap';
    }
    return 'synced';
  }

  private lose(): 'gap' {
    this.gaps += 1;
    this.synced = false;
    this.buffer = [];
    return 'gap';
  }

  private apply(ev: DepthDiffEvent): void {
    for (const [p, q] of ev.b) this.set(this.bids, Number(p), Number(q));
    for (const [p, q] of ev.a) this.set(this.asks, Number(p), Number(q));
    this.lastId = ev.u;
    if (ev.E !== undefined) this.lastEventTs = ev.E;
  }

  private set(side: Map<number, number>, price: number, qty: number): void {
    if (qty > 0) side.set(price, qty);
    else side.delete(price);
  }

  /** Drops everything: the next snapshot starts afresh (used on reconnect). */
  reset(): void {
    this.synced = false;
    this.buffer = [];
    this.bids.clear();
    this.asks.clear();
  }

  book(depth = 100, ts = this.lastEventTs): OrderBook {
    const top = (m: Map<number, number>, desc: boolean): BookLevel[] =>
      [...m.entries()].sort((x, y) => (desc ? y[0] - x[0] : x[0] - y[0])).slice(0, depth).map(([p, q]) => [p, q] as const);
    return { venue: this.venue, symbol: this.symbol, ts, bids: top(this.bids, true), asks: top(this.asks, false) };
  }
}
