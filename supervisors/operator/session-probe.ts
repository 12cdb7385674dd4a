import type { ActorSystem } from '../../actors/runtime/system.js';

/** One running family as the operator endpoints watch it. */
export interface WatchedFamily {
  /** The family's key in `allocation` (market_making, arbitrage, …): the `family` label. */
  family: string;
  system: ActorSystem;
  /** Its starting capital, quote currency: P&L is equity minus this. */
  capital: number;
  /** Capital plus P&L, quote currency, measured now. */
  equity(): number;
  /** What the session has counted so far (its sessionCounters): orders, fills, vetoes by reason. */
  counts(): { orders: number; fills: number; vetoReasons: Readonly<Record<string, number>> };
}

/**
 * What a session tells whoever watches it (the operator endpoints), step by step through its start and stop.
 * Every call is synchronous and cheap; a session without a probe calls nothing.
 */
export interface SessionProbe {
  /** The families the session is about to start; `connects`: it is ready only once its connections are live. */
  planned(families: readonly { family: string; connects?: boolean }[]): void;
  /** A family's actor system is up: called in the same turn it was booted, so its metrics miss no order. */
  familyUp(family: WatchedFamily): void;
  /** The start-up reconciliation settled what earlier runs left open. */
  reconciled(): void;
  /** Whether a connecting family's connections all went live at the start. */
  connections(family: string, live: boolean): void;
  /** The session began its stop (end of data, duration, signal): no longer ready. */
  stopping(): void;
}
