import WebSocket from 'ws';
import type { Clock } from '../../runtime/clock.js';
import type { OrderBook } from '../types.js';
import { DiffBook, type DepthSnapshot } from './diff-book.js';
import { readDepthFrame } from './depth-frame.js';

export type FeedSignal =
  | { type: 'feed.opened' }
  | { type: 'feed.closed'; reason: string }
  | { type: 'feed.synced'; lastUpdateId: number }
  | { type: 'feed.gap' }
  | { type: 'feed.silent'; lastUpdateTs: number }
  /** After a resubscribe: the stream delivers again (first diff applied). */
  | { type: 'feed.flowing' };

/** What a feed needs of a websocket: text frames in, control frames out. */
export interface DepthSocket {
  send(text: string): void;
  /** Closes at once, without a close handshake. */
  terminate(): void;
}

/** Called back after openDepthSocket returns, never from inside it. */
export interface DepthSocketHandlers {
  open(): void;
  message(text: string): void;
  closed(): void;
}

export type OpenDepthSocket = (url: string, on: DepthSocketHandlers) => DepthSocket;

/** The exchange's websocket (ws). */
export const openWebSocket: OpenDepthSocket = (url, on) => {
  const ws = new WebSocket(url);
  ws.on('open', () => on.open());
  ws.on('message', (raw) => on.message(raw.toString()));
  ws.on('error', () => {});
  ws.on('close', () => on.closed());
  return ws;
};

export interface DepthFeedOptions {
  venue: string;
  /** ccxt symbol, e.g. BTC/USDT. */
  symbol: string;
  /** Exchange stream id, e.g. btcusdt. */
  streamId: string;
  /** Binance raw-stream base, e.g. wss://stream.binance.com:9443/ws */
  wsUrl: string;
  fetchSnapshot: () => Promise<DepthSnapshot>;
  clock: Clock;
  onSignal: (s: FeedSignal) => void;
  onBook: (book: OrderBook) => void;
  depth?: number;
  /** Default: the exchange's websocket; a recording can stand in (actors/market-data/replay). */
  openSocket?: OpenDepthSocket;
}

/**
 * The I/O half of a market connection: one Binance diff-depth websocket plus REST snapshots,
 * feeding a DiffBook. It only reports what happened (FeedSignal); the connection machine decides.
 */
export class DepthFeed {
  readonly book: DiffBook;
  private socket?: DepthSocket;
  private lastMessageAt = 0;
  private generation = 0;
  private silentReported = false;
  /** Set by resubscribe: the next applied diff is reported as feed.flowing. */
  private awaitingFlow = false;

  constructor(private readonly opts: DepthFeedOptions) {
    this.book = new DiffBook(opts.venue, opts.symbol);
  }

  connect(): void {
    this.disconnect();
    const gen = ++this.generation;
    this.book.reset();
    this.lastMessageAt = this.opts.clock.now();
    this.socket = (this.opts.openSocket ?? openWebSocket)(`${this.opts.wsUrl}/${this.opts.streamId}@depth@100ms`, {
      open: () => gen === this.generation && this.opts.onSignal({ type: 'feed.opened' }),
      message: (text) => gen === this.generation && this.onMessage(text),
      closed: () => {
        if (gen !== this.generation) return;
        this.socket = undefined;
        this.opts.onSignal({ type: 'feed.closed', reason: 'socket closed' });
      },
    });
  }

  disconnect(): void {
    this.generation += 1;
    this.socket?.terminate();
    this.socket = undefined;
  }

  private onMessage(raw: string): void {
    this.lastMessageAt = this.opts.clock.now();
    this.silentReported = false;
    const ev = readDepthFrame(raw);
    if (!ev) return;
    const wasSynced = this.book.isSynced;
    const r = this.book.onDiff(ev);
    if (r === 'applied') {
      this.opts.onBook(this.book.book(this.opts.depth ?? 100, this.opts.clock.now()));
      if (this.awaitingFlow) {
        this.awaitingFlow = false;
        this.opts.onSignal({ type: 'feed.flowing' });
      }
    }
    if (r === 'gap' && wasSynced) this.opts.onSignal({ type: 'feed.gap' });
  }

  /**
   * Fetches a REST snapshot and replays the buffered diffs over it. With `publish: false` (after a
   * resubscribe) the book is not published: a REST answer does not prove the stream is alive, so the
   * market stays stale until diffs flow again.
   */
  async snapshot(publish = true): Promise<void> {
    const gen = this.generation;
    let s: DepthSnapshot;
    try {
      s = await this.opts.fetchSnapshot();
    } catch {
      if (gen === this.generation) this.opts.onSignal({ type: 'feed.gap' });
      return;
    }
    if (gen !== this.generation) return;
    if (this.book.onSnapshot(s) === 'gap') {
      this.opts.onSignal({ type: 'feed.gap' });
      return;
    }
    if (publish) this.opts.onBook(this.book.book(this.opts.depth ?? 100, this.opts.clock.now()));
    this.opts.onSignal({ type: 'feed.synced', lastUpdateId: this.book.lastUpdateId });
  }

  /** After silence: drop the book, subscribe again on the same socket, and re-snapshot. */
  resubscribe(): void {
    const stream = `${this.opts.streamId}@depth@100ms`;
    this.book.reset();
    // Silence is measured afresh: a stream that stays dead is reported again after another spell.
    this.lastMessageAt = this.opts.clock.now();
    this.silentReported = false;
    this.awaitingFlow = true;
    this.socket?.send(JSON.stringify({ method: 'UNSUBSCRIBE', params: [stream], id: this.opts.clock.now() }));
    this.socket?.send(JSON.stringify({ method: 'SUBSCRIBE', params: [stream], id: this.opts.clock.now() + 1 }));
    void this.snapshot(false);
  }

  /** Called on a timer by the host: reports silence once per silent spell. */
  checkSilence(silenceMs: number): void {
    if (!this.socket || this.silentReported) return;
    if (this.opts.clock.now() - this.lastMessageAt >= silenceMs) {
      this.silentReported = true;
      this.opts.onSignal({ type: 'feed.silent', lastUpdateTs: this.lastMessageAt });
    }
  }
}
