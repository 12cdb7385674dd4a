import Database from 'better-sqlite3';
import type { JournalView } from '../cluster/compare-with-venues.js';

export interface JournalOrderRow {
  clientOrderId: string;
  intentId: string;
  strategy: string;
  venue: string;
  symbol: string;
  side: string;
  amount: number;
  filled: number;
  status: string;
  detail: string | null;
  createdTs: number;
  updatedTs: number;
}

export interface ChaosJournal {
  /** One view per venue id, in the shape compareWithVenues reads. */
  byVenue(venue: string): JournalView;
  /** Every order, named as `node` (a venue node's log names the node it serves). */
  all(node: string): JournalView;
  /** Restarts of actors, every one journaled; a chaos kill's error reads `Error: killed: chaos <n> of <session>`. */
  restarts: number;
  actorKills: number;
}

/** The bot's SQLite journal as arbiter chaos reads it back after the last run stopped. */
export function readChaosJournal(file: string): ChaosJournal {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const orders = db.prepare(
      'SELECT client_order_id AS clientOrderId, intent_id AS intentId, strategy, venue, symbol, side, amount, filled, status, detail, created_ts AS createdTs, updated_ts AS updatedTs FROM orders',
    ).all() as JournalOrderRow[];
    const fills = db.prepare('SELECT fill_id AS fillId, client_order_id AS clientOrderId FROM fills').all() as { fillId: string; clientOrderId: string }[];
    const intents = db.prepare('SELECT intent_id AS intentId, amount FROM intents').all() as { intentId: string; amount: number }[];
    const restarts = (db.prepare('SELECT COUNT(*) AS n FROM actor_restarts').get() as { n: number }).n;
    // One kill restarts its actor and, for risk or ledger, those started after it (rest_for_one): each restart is a row with the kill's error.
    const actorKills = (db.prepare("SELECT COUNT(DISTINCT error) AS n FROM actor_restarts WHERE error LIKE 'Error: killed: chaos %'").get() as { n: number }).n;
    return {
      byVenue(venue) {
        const mine = orders.filter((o) => o.venue === venue);
        const ids = new Set(mine.map((o) => o.clientOrderId));
        return { node: venue, orders: mine, fills: fills.filter((f) => ids.has(f.clientOrderId)), intents };
      },
      all: (node) => ({ node, orders, fills, intents }),
      restarts,
      actorKills,
    };
  } finally {
    db.close();
  }
}

/** What the journal holds of one order, for the report of the first offence: its row, its intent and its fills. */
export function readOrderHistory(file: string, clientOrderId: string): { order?: JournalOrderRow; intent?: unknown; fills: unknown[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const order = db.prepare(
      'SELECT client_order_id AS clientOrderId, intent_id AS intentId, strategy, venue, symbol, side, amount, filled, status, detail, created_ts AS createdTs, updated_ts AS updatedTs FROM orders WHERE client_order_id = ?',
    ).get(clientOrderId) as JournalOrderRow | undefined;
    const intent = order ? (db.prepare('SELECT intent FROM intents WHERE intent_id = ?').get(order.intentId) as { intent: string } | undefined)?.intent : undefined;
    const fills = db.prepare('SELECT fill_id AS fillId, side, price, amount, fee, ts FROM fills WHERE client_order_id = ? ORDER BY ts').all(clientOrderId);
    return { ...(order ? { order } : {}), ...(intent ? { intent: JSON.parse(intent) as unknown } : {}), fills };
  } finally {
    db.close();
  }
}
