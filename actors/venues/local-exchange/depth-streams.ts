import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DepthDiff } from './matching-engine.js';

interface Subscriber {
  socket: WebSocket;
  /** Upper-case symbols this socket receives diffs for. */
  symbols: Set<string>;
  /** Combined-stream framing (`/stream`): `{stream, data}`. */
  combined: boolean;
}

const s8 = (x: number) => x.toFixed(8);

/** Parses `btcusdt@depth` / `btcusdt@depth@100ms` into `BTCUSDT`; other streams are ignored. */
function depthSymbol(stream: string): string | undefined {
  const m = /^([a-z0-9]+)@depth(@\d+ms)?$/.exec(stream.trim().toLowerCase());
  return m ? m[1]!.toUpperCase() : undefined;
}

/**
 * Binance's diff-depth websocket (`<symbol>@depth`): raw `/ws/...`, combined `/stream?streams=`,
 * and live SUBSCRIBE/UNSUBSCRIBE. Faults: `dropAll()` closes every socket abruptly, `stalled`
 * keeps sockets open but sends nothing, and a matching engine's `skipUpdate()` leaves a gap.
 */
export class DepthStreams {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly subscribers = new Set<Subscriber>();
  /** While true, diffs are silently not sent (a stalled stream). */
  stalled = false;
  /** Diffs published so far, per symbol (whether or not anyone received them). */
  published = 0;

  constructor(private readonly serverTime: () => number) {}

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://local');
    if (!url.pathname.startsWith('/ws') && !url.pathname.startsWith('/stream')) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const combined = url.searchParams.has('streams');
      const names = combined ? (url.searchParams.get('streams') ?? '').split('/') : url.pathname.split('/').slice(2);
      const sub: Subscriber = { socket: ws, symbols: new Set(), combined };
      for (const n of names) {
        const s = depthSymbol(n);
        if (s) sub.symbols.add(s);
      }
      this.subscribers.add(sub);
      ws.on('close', () => this.subscribers.delete(sub));
      ws.on('error', () => this.subscribers.delete(sub));
      ws.on('message', (raw) => this.control(sub, raw.toString()));
    });
  }

  private control(sub: Subscriber, raw: string): void {
    let msg: { method?: string; params?: unknown[]; id?: unknown };
    try {
      msg = JSON.parse(raw);
    } catch {
      sub.socket.send(JSON.stringify({ error: { code: 2, msg: 'Invalid JSON' } }));
      return;
    }
    const streams = (msg.params ?? []).filter((p): p is string => typeof p === 'string');
    if (msg.method === 'SUBSCRIBE' || msg.method === 'UNSUBSCRIBE') {
      for (const st of streams) {
        const s = depthSymbol(st);
        if (s && msg.method === 'SUBSCRIBE') sub.symbols.add(s);
        if (s && msg.method === 'UNSUBSCRIBE') sub.symbols.delete(s);
      }
      sub.socket.send(JSON.stringify({ result: null, id: msg.id }));
    } else if (msg.method === 'LIST_SUBSCRIPTIONS') {
      sub.socket.send(JSON.stringify({ result: [...sub.symbols].map((s) => `${s.toLowerCase()}@depth`), id: msg.id }));
    }
  }

  publish(symbol: string, diff: DepthDiff): void {
    this.published += 1;
    if (this.stalled) return;
    const data = {
      e: 'depthUpdate', E: this.serverTime(), s: symbol, U: diff.firstUpdateId, u: diff.lastUpdateId,
      b: diff.bids.map(([p, q]) => [s8(p), s8(q)]), a: diff.asks.map(([p, q]) => [s8(p), s8(q)]),
    };
    for (const sub of this.subscribers) {
      if (!sub.symbols.has(symbol) || sub.socket.readyState !== sub.socket.OPEN) continue;
      sub.socket.send(JSON.stringify(sub.combined ? { stream: `${symbol.toLowerCase()}@depth`, data } : data));
    }
  }

  get connections(): number {
    return this.subscribers.size;
  }

  /** Closes every socket without a close frame, as a network drop would. */
  dropAll(): void {
    for (const sub of this.subscribers) sub.socket.terminate();
    this.subscribers.clear();
  }

  close(): void {
    this.dropAll();
    this.wss.close();
  }
}
