import type { Side } from '../../market-data/types.js';

/** What one approved intent asks of the cluster's budget. `notional / amount` is the price it is valued at. */
export interface BudgetRequest {
  /** One per approved intent (its intentId): a retry with the same id gets the same answer and counts nothing twice. */
  reservationId: string;
  symbol: string;
  side: Side;
  kind: 'open' | 'reduce';
  /** Quote currency, > 0. */
  notional: number;
  /** Base currency, > 0. */
  amount: number;
}

/** The limit a refused reservation would break. */
export type BudgetLimit = 'position' | 'gross' | 'dailyLoss';

/**
 * Refused, with the numbers (quote currency): `current + requested > limit`, except dailyLoss, where
 * `current ≥ limit` is the day's realised loss and `requested` the exposure the order would add.
 * position: `current` is the symbol's signed worst-case position in the order's direction (negative: the other way).
 */
export interface BudgetRefusal {
  ok: false;
  limit: BudgetLimit;
  limitValue: number;
  current: number;
  requested: number;
}

/** Held: the symbol's worst-case position in the order's direction and the gross exposure, after it (quote currency). */
export interface BudgetAcceptance {
  ok: true;
  positionAfter: number;
  grossAfter: number;
}

/**
 * `seq`: the budget's change counter (every call that changed anything counts, a refusal too) when the answer was first
 * given; a retry returns the original answer, seq included. Ordering answers by seq is the order Redis ran them in.
 */
export type BudgetAnswer = (BudgetAcceptance | BudgetRefusal) & { seq: number };

export interface ReleaseAnswer {
  /** Base amount returned to the budget: 0 when nothing was held (unknown id, released, filled or expired). */
  released: number;
  seq: number;
}

/** A fill of a reserved order. symbol and side count it even when its reservation is gone (expired, released, rebuilt). */
export interface BudgetFill {
  /** Fills are counted once per fillId (within the idempotency window). */
  fillId: string;
  symbol: string;
  side: Side;
  amount: number;
  price: number;
  /** Realised P&L of the fill (fees included), added to the day's. */
  realizedPnl?: number;
}

export interface FillAnswer {
  /** false: this fillId was already counted; nothing changed. */
  counted: boolean;
  /** Base amount moved from reserved to filled (the rest of the fill had no reservation left). */
  fromReserved: number;
  /** Base amount still reserved for the order. */
  stillReserved: number;
  seq: number;
}

/** One journal position (actors/ledger/storage/position-journal.ts): positions of one symbol on several venues and strategies add up. */
export interface BudgetPosition {
  symbol: string;
  /** Signed base amount: negative is short. */
  amount: number;
  avgPrice: number;
}

export interface SymbolExposure {
  /** Signed filled base position of the whole cluster. */
  filled: number;
  /** Base amounts reserved by buy and by sell orders not yet filled. */
  reservedBuy: number;
  reservedSell: number;
  /** Last reserve or fill price: what the symbol is valued at in the gross. */
  price: number;
  /** max(|filled + reservedBuy|, |filled − reservedSell|) × price. */
  exposure: number;
}

/** The budget as stored (one MULTI). Expired reservations not yet swept still count. */
export interface BudgetSnapshot {
  seq: number;
  symbols: Record<string, SymbolExposure>;
  gross: number;
  /** UTC date of the day's P&L, '' before the first fill or loss of a day. */
  day: string;
  /** Net realised P&L of the day, whole cluster. */
  dayPnl: number;
  /** This node's shares. */
  nodeFilled: Record<string, number>;
  nodeDayPnl: number;
  reservations: number;
}

/** An order of the node still working at its venue (journal: not terminal), held again by a rebuild without being judged. */
export interface WorkingReservation {
  /** The order's intent id: what the gate reserved it under, and what its later fills name. */
  reservationId: string;
  symbol: string;
  side: Side;
  kind: 'open' | 'reduce';
  /** Base amount not yet filled, > 0. */
  amount: number;
  price: number;
}

/** Everything `GlobalBudget.rebuild` sets a node's share to, as its journal tells it (journal-share.ts). */
export interface JournalShare {
  positions: BudgetPosition[];
  /** Per symbol, the last fill's price. */
  marks: Record<string, number>;
  /** Realised P&L (fees included) of the fills of the UTC day. */
  dayPnl: number;
  working: WorkingReservation[];
  /** Every fill the positions count: the rebuild marks them counted, so a late report of one counts nothing. */
  fillIds: string[];
}
