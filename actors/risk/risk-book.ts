import type { Fill, OrderUpdate } from '../ledger/types.js';
import type { Side, SymbolBar } from '../market-data/types.js';
import { withEntry, withoutEntry } from '../runtime/records.js';
import { strategyKey, type FeedStatus, type PendingOrders, type Position, type RiskView, type Toxicity } from './risk-view.js';

/** Risk's own bookkeeping: positions, P&L, marks, reservations. Pure functions on plain data. */
export interface Reservation {
  symbol: string;
  side: Side;
  kind: 'open' | 'reduce';
  remaining: number;
  price: number;
  /** Whose position a fill of it moves: the intent's leg group, else its strategy. */
  owner?: string;
}

export interface RiskBook {
  capital: number;
  realizedPnl: number;
  /** capital + realized + unrealized, kept current by every update that moves it. */
  equity: number;
  dayStartEquity: number;
  peakEquity: number;
  /** UTC day number (ms / 86,400,000) of the current trading day. */
  day: number;
  positions: Record<string, Position>;
  marks: Record<string, number>;
  lastMarketData: Record<string, number>;
  /** Connection status per `${venue}:${symbol}` (absent in snapshots older than R14's fix). */
  feeds?: Record<string, FeedStatus>;
  /** Signed base position per strategyKey(owner, symbol), owner = leg group or strategy (absent in older snapshots). */
  strategyPositions?: Record<string, number>;
  /** Latest VPIN per `${venue}:${symbol}` (absent in snapshots from before market.toxicity). */
  toxicity?: Record<string, Toxicity>;
  /** Approved open and reduce intents not yet filled or cancelled, by intentId. */
  reservations: Record<string, Reservation>;
  recentSubmits: number[];
  lossStreak: number;
  cooldownUntil: number;
  /** Latest event time seen. */
  now: number;
}

const EPS = 1e-12;
export const DAY_MS = 86_400_000;

export function utcDay(ts: number): number {
  return Math.floor(ts / DAY_MS);
}

export function newRiskBook(capital: number, ts: number, positions: Record<string, Position> = {}): RiskBook {
  return {
    capital,
    realizedPnl: 0,
    equity: capital,
    dayStartEquity: capital,
    peakEquity: capital,
    day: utcDay(ts),
    positions,
    marks: {},
    lastMarketData: {},
    feeds: {},
    strategyPositions: {},
    toxicity: {},
    reservations: {},
    recentSubmits: [],
    lossStreak: 0,
    cooldownUntil: 0,
    now: ts,
  };
}

export function unrealizedPnl(book: RiskBook): number {
  let u = 0;
  const { positions, marks } = book;
  for (const symbol in positions) {
    const p = positions[symbol]!;
    u += p.qty * ((marks[symbol] ?? p.avgPrice) - p.avgPrice);
  }
  return u;
}

export function equityOf(book: RiskBook): number {
  return book.capital + book.realizedPnl + unrealizedPnl(book);
}

/** Advance time; a new UTC day restarts the daily P&L from the current equity. */
export function advanceTo(book: RiskBook, ts: number): RiskBook {
  return ts > book.now ? copyAt(book, ts) : book;
}

/**
 * A copy of the book, advanced to `ts` as advanceTo would: what an update that changes the book starts from, so
 * moving the clock and the update cost one copy, not two.
 */
function copyAt(book: RiskBook, ts: number): RiskBook {
  const copy = { ...book };
  if (ts <= book.now) return copy;
  copy.now = ts;
  const day = utcDay(ts);
  if (day > book.day) {
    copy.day = day;
    copy.dayStartEquity = book.equity;
  }
  return copy;
}

/** The book with `capital`: equity, day-start equity and peak move by the same amount, so no P&L appears or vanishes. */
export function withCapital(book: RiskBook, capital: number): RiskBook {
  const delta = capital - book.capital;
  return {
    ...book, capital, equity: book.equity + delta, dayStartEquity: book.dayStartEquity + delta, peakEquity: book.peakEquity + delta,
  };
}

/** Recompute equity and the peak after anything that moves them (the book is a fresh copy, updated in place). */
function withPeak(book: RiskBook): RiskBook {
  const equity = equityOf(book);
  book.equity = equity;
  if (equity > book.peakEquity) book.peakEquity = equity;
  return book;
}

/** A price seen at `ts` (also advances the book to `ts`). */
export function applyMark(book: RiskBook, venue: string, symbol: string, price: number | undefined, ts: number): RiskBook {
  const next = copyAt(book, ts);
  next.lastMarketData = Object.assign({}, book.lastMarketData);
  next.lastMarketData[`${venue}:${symbol}`] = ts;
  if (price !== undefined && price > 0) {
    next.marks = Object.assign({}, book.marks);
    next.marks[symbol] = price;
  }
  return withPeak(next);
}

/** A replay step's closes at `ts` (also advances the book to `ts`): one copy of the book and the marks, equity recomputed once. */
export function applyCloses(book: RiskBook, venue: string, bars: readonly SymbolBar[], ts: number): RiskBook {
  const next = copyAt(book, ts);
  const lastMarketData = Object.assign({}, book.lastMarketData);
  const marks = Object.assign({}, book.marks);
  for (const { symbol, candle } of bars) {
    lastMarketData[`${venue}:${symbol}`] = ts;
    if (candle.close > 0) marks[symbol] = candle.close;
  }
  next.lastMarketData = lastMarketData;
  next.marks = marks;
  return withPeak(next);
}

/** market.live: synced and watched, so the market counts as fresh from now on (even if its book never changes). */
export function applyFeedLive(book: RiskBook, venue: string, symbol: string, ts: number): RiskBook {
  const key = `${venue}:${symbol}`;
  return { ...book, feeds: { ...book.feeds, [key]: { state: 'live', since: ts } }, lastMarketData: { ...book.lastMarketData, [key]: ts } };
}

/** market.stale: the connection went silent; trading the market is vetoed until market.live. */
export function applyFeedStale(book: RiskBook, venue: string, symbol: string, lastUpdateTs: number): RiskBook {
  return { ...book, feeds: { ...book.feeds, [`${venue}:${symbol}`]: { state: 'stale', since: lastUpdateTs } } };
}

/** market.toxicity: the market's latest VPIN and its percentile, measured at `ts`. */
export function applyToxicity(book: RiskBook, venue: string, symbol: string, vpin: number, percentile: number, ts: number): RiskBook {
  return { ...book, toxicity: { ...book.toxicity, [`${venue}:${symbol}`]: { vpin, percentile, ts } } };
}

/** A multi-leg group ended: its own positions are no longer tracked (the symbol positions stay). */
export function forgetOwner(book: RiskBook, owner: string): RiskBook {
  if (!book.strategyPositions) return book;
  const prefix = strategyKey(owner, '');
  const kept = Object.entries(book.strategyPositions).filter(([key]) => !key.startsWith(prefix));
  return kept.length === Object.keys(book.strategyPositions).length ? book : { ...book, strategyPositions: Object.fromEntries(kept) };
}

/** A fill (also advances the book to `ts`, default: the book's time). */
export function applyFill(book: RiskBook, fill: Fill, maxLossStreak: number, cooldownMs: number, ts = book.now): RiskBook {
  const held = book.positions[fill.symbol] ?? { qty: 0, avgPrice: 0 };
  const signed = fill.side === 'buy' ? fill.amount : -fill.amount;
  let qty = held.qty + signed;
  let avgPrice = held.avgPrice;
  let closedPnl: number | undefined;
  if (held.qty === 0 || Math.sign(held.qty) === Math.sign(signed)) {
    avgPrice = (Math.abs(held.qty) * held.avgPrice + fill.amount * fill.price) / Math.abs(qty);
  } else {
    const closing = Math.min(fill.amount, Math.abs(held.qty));
    closedPnl = closing * (fill.price - held.avgPrice) * Math.sign(held.qty);
    if (fill.amount > Math.abs(held.qty) + EPS) avgPrice = fill.price;
  }
  if (Math.abs(qty) <= EPS) qty = 0;
  const positions = qty === 0 ? withoutEntry(book.positions, fill.symbol) : withEntry(book.positions, fill.symbol, { qty, avgPrice });

  let { lossStreak, cooldownUntil } = book;
  if (closedPnl !== undefined) {
    lossStreak = closedPnl - fill.fee < 0 ? lossStreak + 1 : 0;
    if (lossStreak >= maxLossStreak) {
      cooldownUntil = fill.ts + cooldownMs;
      lossStreak = 0;
    }
  }
  const reservations = release(book.reservations, fill.intentId, fill.amount);
  const key = strategyKey(book.reservations[fill.intentId]?.owner ?? fill.strategy, fill.symbol);
  const owned = book.strategyPositions ?? {};
  const own = (owned[key] ?? 0) + signed;
  const next = copyAt(book, ts);
  next.positions = positions;
  next.strategyPositions = Math.abs(own) <= EPS ? withoutEntry(owned, key) : withEntry(owned, key, own);
  if (book.marks[fill.symbol] === undefined) next.marks = withEntry(book.marks, fill.symbol, fill.price);
  next.reservations = reservations;
  next.realizedPnl = book.realizedPnl + (closedPnl ?? 0) - fill.fee;
  next.lossStreak = lossStreak;
  next.cooldownUntil = cooldownUntil;
  return withPeak(next);
}

function release(reservations: RiskBook['reservations'], intentId: string, amount: number): RiskBook['reservations'] {
  const r = reservations[intentId];
  if (!r) return reservations;
  const remaining = r.remaining - amount;
  return remaining <= EPS ? withoutEntry(reservations, intentId) : withEntry(reservations, intentId, { ...r, remaining });
}

/** Release part of an intent's reservation (its order will never be placed in full). */
export function releaseReservation(book: RiskBook, intentId: string, amount: number): RiskBook {
  return { ...book, reservations: release(book.reservations, intentId, amount) };
}

function endsUnfilled(order: OrderUpdate): boolean {
  return order.status === 'cancelled' || order.status === 'rejected';
}

/** Whether applyOrderUpdate would release anything (most updates only report progress). */
export function releasesReservation(book: RiskBook, order: OrderUpdate): boolean {
  return endsUnfilled(order) && book.reservations[order.intentId] !== undefined;
}

/** A cancelled or rejected order releases what it did not fill. */
export function applyOrderUpdate(book: RiskBook, order: OrderUpdate): RiskBook {
  if (!endsUnfilled(order)) return book;
  return { ...book, reservations: release(book.reservations, order.intentId, Math.max(0, order.amount - order.filled)) };
}

/** What an approval reserves. Without symbol and side it counts only toward openOrdersNotional. */
export interface ReserveRequest {
  amount: number;
  price: number;
  symbol?: string;
  side?: Side;
  kind?: 'open' | 'reduce';
  /** Leg group or strategy (see Reservation.owner). */
  owner?: string;
}

/** An approved submit: counts toward the rate cap and reserves its amount until filled or cancelled. */
export function recordSubmit(book: RiskBook, intentId: string, reserve: ReserveRequest | undefined, ts: number, windowMs: number): RiskBook {
  const recentSubmits = book.recentSubmits.filter((t) => t > ts - windowMs);
  recentSubmits.push(ts);
  if (!reserve) return { ...book, recentSubmits };
  const reservation: Reservation = {
    symbol: reserve.symbol ?? '', side: reserve.side ?? 'buy', kind: reserve.kind ?? 'open', remaining: reserve.amount, price: reserve.price,
  };
  if (reserve.owner !== undefined) reservation.owner = reserve.owner;
  return { ...book, recentSubmits, reservations: withEntry(book.reservations, intentId, reservation) };
}

interface ReservationTotals {
  /** Notional of the open reservations. */
  openOrdersNotional: number;
  pending: Record<string, PendingOrders>;
  /** Pending reduce orders per strategyKey(owner, symbol). */
  strategyPendingReduce: Record<string, number>;
}

/** What the reservations add up to, in one pass (the view is rebuilt for every intent judged). */
function reservationTotals(book: RiskBook): ReservationTotals {
  const totals: ReservationTotals = { openOrdersNotional: 0, pending: {}, strategyPendingReduce: {} };
  const { pending, strategyPendingReduce } = totals;
  for (const r of Object.values(book.reservations)) {
    if (r.kind === 'open') totals.openOrdersNotional += r.remaining * r.price;
    if (!r.symbol) continue;
    const p = (pending[r.symbol] ??= { openBuy: 0, openSell: 0, reduce: 0 });
    if (r.kind === 'reduce') p.reduce += r.remaining;
    else if (r.side === 'buy') p.openBuy += r.remaining;
    else p.openSell += r.remaining;
    if (r.kind !== 'reduce' || r.owner === undefined) continue;
    const key = strategyKey(r.owner, r.symbol);
    strategyPendingReduce[key] = (strategyPendingReduce[key] ?? 0) + r.remaining;
  }
  return totals;
}

export function toRiskView(book: RiskBook, state: RiskView['state']): RiskView {
  const equity = book.equity;
  const totals = reservationTotals(book);
  const view: RiskView = {
    state,
    capital: book.capital,
    equity,
    dayStartEquity: book.dayStartEquity,
    dailyPnl: equity - book.dayStartEquity,
    positions: book.positions,
    marks: book.marks,
    openOrdersNotional: totals.openOrdersNotional,
    pending: totals.pending,
    recentSubmits: book.recentSubmits,
    lastMarketData: book.lastMarketData,
    feeds: book.feeds ?? {},
    toxicity: book.toxicity ?? {},
  };
  if (book.strategyPositions) {
    view.strategyPositions = book.strategyPositions;
    view.strategyPendingReduce = totals.strategyPendingReduce;
  }
  return view;
}
