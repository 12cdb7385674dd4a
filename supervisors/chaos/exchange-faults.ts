import type { LocalExchange } from '../../actors/venues/local-exchange/server.js';
import type { ExchangeFault } from './fault-kinds.js';

const CREATE = 'POST /api/v3/order';
/** Longer than the bot's silence window (2 × the book move interval, at least risk's staleDataMs): books go stale. */
const STALE_MS = 6_000;
/** The exchange's clock runs this far ahead: past the 10 s recvWindow ccxt asks for, so signed requests are refused until the client measures it again. */
const SKEW_MS = 15_000;
const SKEW_FOR_MS = 6_000;

/**
 * Misbehaves on purpose on the local exchanges, one fault at a time. Each kind is counted as fired only when it was
 * seen to act: an HTTP fault when a request hit it, a dropped websocket when a socket was open, a gap or a stall when
 * diffs were being sent, a skew when a signed request was refused for its timestamp.
 */
export class ExchangeFaults {
  private readonly fired: Partial<Record<ExchangeFault, number>> = {};
  /** Faults still acting, each with what ends it. */
  private readonly acting = new Map<NodeJS.Timeout, () => void>();
  private readonly timed = new Set<ExchangeFault>();

  constructor(private readonly exchanges: readonly LocalExchange[]) {}

  inject(kind: ExchangeFault, ex: LocalExchange): void {
    switch (kind) {
      case 'create-5xx-before':
      case 'create-5xx-after':
      case 'create-timeout-before':
      case 'create-timeout-after':
        ex.inject({ kind: kind.includes('5xx') ? '5xx' : 'timeout', route: CREATE, afterProcessing: kind.endsWith('after'), label: kind });
        return;
      case 'rate-limit-429':
        ex.inject({ kind: '429', retryAfterSec: 1, label: kind });
        return;
      case 'websocket-drop':
        if (ex.streams.connections > 0) this.count(kind);
        ex.streams.dropAll();
        return;
      case 'sequence-gap': {
        const symbols = [...ex.state.markets.keys()];
        const symbol = symbols[Math.floor(ex.streams.published % symbols.length)]!;
        if (ex.streams.connections > 0) this.count(kind);
        ex.state.engine(symbol).skipUpdate();
        return;
      }
      case 'stale-book': {
        const before = ex.streams.published;
        ex.streams.stalled = true;
        this.after(kind, STALE_MS, () => {
          ex.streams.stalled = false;
          if (ex.streams.published > before) this.count(kind);
        });
        return;
      }
      case 'clock-skew': {
        const before = ex.stats.timestampRejections;
        ex.clockSkewMs = SKEW_MS;
        this.after(kind, SKEW_FOR_MS, () => {
          ex.clockSkewMs = 0;
          if (ex.stats.timestampRejections > before) this.count(kind);
        });
        return;
      }
    }
  }

  /** Whether a fault of this kind is still waiting to act (a queued HTTP fault) or acting (a stall, a skew). */
  pending(kind: ExchangeFault): boolean {
    return this.timed.has(kind) || this.exchanges.some((ex) => ex.faults.waiting(kind));
  }

  /** Fired so far, by kind (HTTP faults from the exchanges' own hit counts). */
  counts(): Partial<Record<ExchangeFault, number>> {
    const out: Partial<Record<ExchangeFault, number>> = { ...this.fired };
    for (const ex of this.exchanges) {
      for (const [label, n] of Object.entries(ex.faults.hits)) out[label as ExchangeFault] = (out[label as ExchangeFault] ?? 0) + n;
    }
    return out;
  }

  /** Ends every fault still acting (a stall, a skew) and drops the ones no request has hit yet. */
  stop(): void {
    for (const [t, end] of this.acting) {
      clearTimeout(t);
      end();
    }
    this.acting.clear();
    for (const ex of this.exchanges) {
      ex.faults.clear();
      ex.streams.stalled = false;
      ex.clockSkewMs = 0;
    }
  }

  private count(kind: ExchangeFault): void {
    this.fired[kind] = (this.fired[kind] ?? 0) + 1;
  }

  private after(kind: ExchangeFault, ms: number, fn: () => void): void {
    this.timed.add(kind);
    const end = () => {
      this.timed.delete(kind);
      fn();
    };
    const t = setTimeout(() => {
      this.acting.delete(t);
      end();
    }, ms);
    this.acting.set(t, end);
  }
}
