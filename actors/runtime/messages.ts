import type { Candle, OrderBook, SymbolBar } from '../market-data/types.js';
import type { RiskState } from '../risk/intent.js';

/**
 * Every message type and its body, named `domain.verb`.
 * Other modules add their own with declaration merging:
 *   declare module '../runtime/messages.js' { interface MessageMap { 'chain.block': { number: bigint } } }
 */
export interface MessageMap {
  'candle.closed': { venue: string; symbol: string; candle: Candle };
  /** Every bar of one venue that closed at the same time, in one message (replays deliver a whole step at once). */
  'candles.closed': { venue: string; bars: readonly SymbolBar[] };
  'book.updated': { book: OrderBook };
  'market.stale': { venue: string; symbol: string; lastUpdateTs: number };
  /**
   * A pattern actor (issue 13) → risk: the VPIN (order-flow toxicity, in [0, 1]) of the last window of volume buckets
   * on `venue`'s `symbol`, as of the message's `ts` (the runtime stamps it when the measure is published). Risk's
   * default threshold is calibrated for buckets of 1/50 of the mean daily volume and a window of 50 (docs/risk.md).
   */
  'market.toxicity': { venue: string; symbol: string; vpin: number };
  'risk.changed': { state: RiskState; reason: string };
  'risk.halt': { reason: string };
  'risk.rearm': { by: string };
  'orders.cancelAll': { reason: string };
  'equity.marked': { equity: number; capital: number };
  'effect.failed': { effect: string; error: string };
  'actor.restarted': { actor: string; attempt: number; delayMs: number; error: string };
  'actor.stopped': { actor: string; reason: string };
  /** Chaos: the receiving actor faults on this message, exactly as if its machine had thrown. */
  'chaos.kill': { reason: string };
  /** A pattern actor (issue 13) saw a price pattern complete on `symbol` at `ts`; it fails below (bullish) or above (bearish) `invalidation`. */
  'pattern.detected': PatternSignal;
  /** A pattern `pattern.detected` announced no longer holds (the price crossed its invalidation level). */
  'pattern.invalidated': PatternSignal;
}

/** A price pattern as the pattern actor announces it. */
export interface PatternSignal {
  symbol: string;
  direction: 'bullish' | 'bearish';
  /** The pattern's name, e.g. `gartley`, `spring`: it names the same pattern in its later invalidation. */
  name: string;
  /** The price whose crossing invalidates the pattern. */
  invalidation: number;
  /** When the pattern completed (detected) or broke (invalidated), epoch ms. */
  ts: number;
}

export type MessageType = keyof MessageMap;

export interface MessageMeta {
  id: string;
  correlationId: string;
  ts: number;
  /** Addressed to one actor by name (besides the type's subscribers). */
  to?: string;
}

export type Message<T extends MessageType = MessageType> = {
  [K in T]: { type: K } & MessageMeta & MessageMap[K];
}[T];

/** Deterministic ids: the same run yields the same ids, so journals compare byte for byte. */
export class IdSource {
  private seq = 0;
  constructor(private readonly prefix = 'm') {}
  next(): string {
    this.seq += 1;
    return `${this.prefix}${this.seq}`;
  }
}
