import type { OrderJournal } from '../../ledger/storage/order-journal.js';
import type { Fill } from '../../ledger/types.js';
import type { JournalShare, WorkingReservation } from './types.js';

const DAY_MS = 86_400_000;
const EPS = 1e-12;

/** The part of the order journal a rebuild reads (the Store's `orders`, SQLite or PostgreSQL). */
export type ShareJournal = Pick<OrderJournal, 'fillsSince' | 'nonTerminalOrders' | 'intent'>;

export interface ShareScope {
  /** The session's start on its clock: fills and orders from then on are this node's share. */
  since: number;
  /** Now on the session's clock: its UTC day is the day of `dayPnl`. */
  now: number;
}

/**
 * A node's share of the cluster budget from its own journal (RELIABILITY R21): the session's fills netted per symbol
 * (average cost of what is held; realised P&L at average cost, minus fees, for the fills of `now`'s UTC day), and a
 * reservation for what each of the session's orders still working (not terminal) has left to fill.
 */
export function journalShare(journal: ShareJournal, scope: ShareScope): JournalShare {
  const fills = journal.fillsSince(scope.since);
  const dayStart = Math.floor(scope.now / DAY_MS) * DAY_MS;
  const books = new Map<string, { amount: number; avgPrice: number }>();
  const marks: Record<string, number> = {};
  let dayPnl = 0;
  for (const fill of fills) {
    const book = books.get(fill.symbol) ?? { amount: 0, avgPrice: 0 };
    const realised = apply(book, fill);
    books.set(fill.symbol, book);
    marks[fill.symbol] = fill.price;
    if (fill.ts >= dayStart && fill.ts < dayStart + DAY_MS) dayPnl += realised - fill.fee;
  }
  const positions = [...books].filter(([, b]) => Math.abs(b.amount) > EPS).map(([symbol, b]) => ({ symbol, amount: b.amount, avgPrice: b.avgPrice }));
  return { positions, marks, dayPnl, working: workingOrders(journal, scope.since), fillIds: fills.map((f) => f.fillId) };
}

/** Moves `book` by the fill; returns the P&L it realised (the part that closed the position, at average cost). */
function apply(book: { amount: number; avgPrice: number }, fill: Fill): number {
  const signed = fill.side === 'buy' ? fill.amount : -fill.amount;
  const held = book.amount;
  if (Math.abs(held) < EPS || Math.sign(held) === Math.sign(signed)) {
    const size = Math.abs(held) + fill.amount;
    book.avgPrice = (Math.abs(held) * book.avgPrice + fill.amount * fill.price) / size;
    book.amount = held + signed;
    return 0;
  }
  const closed = Math.min(Math.abs(held), fill.amount);
  const realised = closed * (fill.price - book.avgPrice) * Math.sign(held);
  book.amount = held + signed;
  if (Math.abs(book.amount) < EPS) book.avgPrice = 0;
  else if (Math.sign(book.amount) !== Math.sign(held)) book.avgPrice = fill.price;
  return realised;
}

/** The session's orders not terminal, what each has left, under its intent id (orders of one intent on one symbol and side add up). */
function workingOrders(journal: ShareJournal, since: number): WorkingReservation[] {
  const byId = new Map<string, WorkingReservation>();
  for (const order of journal.nonTerminalOrders()) {
    const left = order.amount - order.filled;
    if (order.createdTs < since || left <= EPS) continue;
    const intent = journal.intent(order.intentId);
    const price = order.price ?? intent?.price ?? 0;
    const kind = intent?.kind === 'reduce' ? 'reduce' : 'open';
    const same = byId.get(order.intentId);
    if (same && same.symbol === order.symbol && same.side === order.side) {
      same.amount += left;
      continue;
    }
    const reservationId = same ? `${order.intentId}|${order.clientOrderId}` : order.intentId;
    byId.set(reservationId, { reservationId, symbol: order.symbol, side: order.side, kind, amount: left, price });
  }
  return [...byId.values()];
}
