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
   * A pattern actor → risk: the order-flow toxicity (VPIN and where it stands in the market's own history) of
   * `venue`'s `symbol`, as of the message's `ts` (the runtime stamps it when the measure is published).
   */
  'market.toxicity': ToxicitySignal;
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
  /** A pattern actor saw a price pattern complete on `symbol` (at the message's ts). */
  'pattern.detected': PatternSignal;
  /** A pattern `pattern.detected` announced no longer holds: a close crossed its invalidation level, or its schematic failed. */
  'pattern.invalidated': PatternSignal;
}

/** A price pattern as the pattern actor announces it (actors/patterns/pattern-stream.ts says when). */
export interface PatternSignal {
  symbol: string;
  /** Names one pattern instance: its later `pattern.invalidated` carries the same one. */
  patternId: string;
  family: 'harmonic' | 'elliott' | 'wyckoff';
  /** e.g. `gartley`, `impulse`, `abc`, `spring`, `sos`. */
  name: string;
  /** The move the pattern implies from here (for an Elliott count, the move after it, not the way its waves went). */
  direction: 'bullish' | 'bearish';
  points: readonly { label: string; ts: number; price: number }[];
  ratios: Readonly<Record<string, number>>;
  /** A close below it (bullish) or above it (bearish) means the pattern failed. */
  invalidation: number;
}

/** What the pattern actor measures of order flow (actors/patterns/microstructure/bar-vpin.ts). */
export interface ToxicitySignal {
  venue: string;
  symbol: string;
  /** VPIN of the last window of volume buckets, in [0, 1]. */
  vpin: number;
  /** The share of this market's earlier VPINs (its last 2,000) at or below this one, in [0, 1]. */
  percentile: number;
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
