import type { Side } from '../../market-data/types.js';
import type { OrderIntent } from '../../risk/intent.js';
import type { Fill, OrderStatus, OrderUpdate } from '../types.js';
import type { JournalDb } from './journal-db.js';
import { fromJson, toJson } from './json.js';
import { fillDifferences } from './fill-differences.js';
import { JournalConflictError } from './journal-conflict-error.js';

export const TERMINAL_STATUSES: readonly OrderStatus[] = ['filled', 'cancelled', 'rejected', 'lost'];

/** What became of a fill handed to the journal. */
export type FillOutcome = 'recorded' | 'duplicate' | 'conflict';

export interface FillConflict {
  fillId: string;
  /** The fill that was reported again with other content: kept here, not in `fills`. */
  fill: Fill;
  /** The fill as first journaled (it stays in `fills`). */
  journaled: Fill;
  differences: string[];
  ts: number;
}

export interface OrderRecord extends OrderUpdate {
  price?: number;
  createdTs: number;
  updatedTs: number;
}

export interface OrderUpsert extends OrderUpdate {
  /** Limit price; taken from the journaled intent when absent. */
  price?: number;
  ts: number;
}

interface OrderRow {
  client_order_id: string;
  intent_id: string;
  strategy: string;
  venue: string;
  symbol: string;
  side: Side;
  price: number | null;
  amount: number;
  filled: number;
  status: OrderStatus;
  detail: string | null;
  created_ts: number;
  updated_ts: number;
}

interface FillRow {
  fill_id: string;
  client_order_id: string;
  intent_id: string;
  strategy: string;
  venue: string;
  symbol: string;
  side: Side;
  price: number;
  amount: number;
  fee: number;
  liquidity: 'maker' | 'taker';
  ts: number;
}

const TERMINAL_SQL = TERMINAL_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Intents, orders and fills. Every write is a durable commit (SQLite synchronous=FULL, PostgreSQL synchronous_commit=on). An order row is
 * created only with its intent, in one commit, before the venue is called (recordSubmission, R2);
 * later updates change that row and never create one.
 */
export class OrderJournal {
  private readonly insertIntent;
  private readonly selectIntent;
  private readonly upsert;
  private readonly update;
  private readonly selectOrder;
  private readonly selectOpen;
  private readonly selectOnVenue;
  private readonly countOrders;
  private readonly insertFill;
  private readonly selectFill;
  private readonly insertConflict;
  private readonly selectConflicts;
  private readonly selectFills;
  private readonly countFills;
  private readonly selectFillsSince;

  constructor(private readonly db: JournalDb) {
    this.insertIntent = db.prepare<[Record<string, unknown>]>(`
      INSERT INTO intents (intent_id, strategy, venue, symbol, side, kind, type, amount, price, intent, ts)
      VALUES (@intentId, @strategy, @venue, @symbol, @side, @kind, @type, @amount, @price, @json, @ts)
      ON CONFLICT (intent_id) DO NOTHING`);
    this.selectIntent = db.prepare<[string], { intent: string }>('SELECT intent FROM intents WHERE intent_id = ?');
    // A terminal status is final; `filled` never decreases (updates may arrive out of order). The larger of two values
    // is a CASE: SQLite's scalar MAX(a, b) is GREATEST on PostgreSQL.
    this.upsert = db.prepare<[Record<string, unknown>]>(`
      INSERT INTO orders (client_order_id, intent_id, strategy, venue, symbol, side, price, amount, filled, status, detail, created_ts, updated_ts)
      VALUES (@clientOrderId, @intentId, @strategy, @venue, @symbol,
              @side,
              COALESCE(@price, (SELECT price FROM intents WHERE intent_id = @intentId)),
              @amount, @filled, @status, @detail, @ts, @ts)
      ON CONFLICT (client_order_id) DO UPDATE SET
        status = CASE WHEN orders.status IN (${TERMINAL_SQL}) THEN orders.status ELSE excluded.status END,
        filled = CASE WHEN orders.filled >= excluded.filled THEN orders.filled ELSE excluded.filled END,
        amount = excluded.amount,
        price = COALESCE(excluded.price, orders.price),
        detail = COALESCE(excluded.detail, orders.detail),
        updated_ts = CASE WHEN orders.updated_ts >= excluded.updated_ts THEN orders.updated_ts ELSE excluded.updated_ts END`);
    this.update = db.prepare<[Record<string, unknown>]>(`
      UPDATE orders SET
        status = CASE WHEN status IN (${TERMINAL_SQL}) THEN status ELSE @status END,
        filled = CASE WHEN filled >= @filled THEN filled ELSE @filled END,
        amount = @amount,
        detail = COALESCE(@detail, detail),
        updated_ts = CASE WHEN updated_ts >= @ts THEN updated_ts ELSE @ts END
      WHERE client_order_id = @clientOrderId`);
    this.selectOrder = db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE client_order_id = ?');
    this.selectOpen = db.prepare<[], OrderRow>(`SELECT * FROM orders WHERE status NOT IN (${TERMINAL_SQL}) ORDER BY created_ts, client_order_id`);
    this.selectOnVenue = db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE venue = ? ORDER BY created_ts, client_order_id');
    this.countOrders = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM orders WHERE created_ts >= ?');
    this.insertFill = db.prepare<[Fill]>(`
      INSERT INTO fills (fill_id, client_order_id, intent_id, strategy, venue, symbol, side, price, amount, fee, liquidity, ts)
      VALUES (@fillId, @clientOrderId, @intentId, @strategy, @venue, @symbol, @side, @price, @amount, @fee, @liquidity, @ts)
      ON CONFLICT (fill_id) DO NOTHING`);
    this.selectFill = db.prepare<[string], FillRow>('SELECT * FROM fills WHERE fill_id = ?');
    this.insertConflict = db.prepare<[Record<string, unknown>]>(`
      INSERT INTO fill_conflicts (fill_id, client_order_id, venue, fill, journaled, differences, ts)
      VALUES (@fillId, @clientOrderId, @venue, @fill, @journaled, @differences, @ts)`);
    this.selectConflicts = db.prepare<[], { fill_id: string; fill: string; journaled: string; differences: string; ts: number }>(
      'SELECT fill_id, fill, journaled, differences, ts FROM fill_conflicts ORDER BY id');
    this.selectFills = db.prepare<[string], FillRow>('SELECT * FROM fills WHERE client_order_id = ? ORDER BY ts, fill_id');
    this.countFills = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM fills WHERE ts >= ?');
    this.selectFillsSince = db.prepare<[number], FillRow>('SELECT * FROM fills WHERE ts >= ? ORDER BY ts, fill_id');
  }

  /** Runs `fn` as one commit (one fsync), e.g. an intent and its order together. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * Journals an intent once; returns false if it was already there. The same id with other content is
   * a JournalConflictError: an order must never go out under an intent the journal tells differently.
   */
  recordIntent(intent: OrderIntent, ts: number): boolean {
    const json = toJson(intent);
    if (this.insertIntent.run({ ...intent, json, ts }).changes === 1) return true;
    const journaled = this.selectIntent.get(intent.intentId)?.intent;
    if (journaled !== json) throw new JournalConflictError(`intent ${intent.intentId} is journaled with other content`, [`journaled: ${journaled}`, `now: ${json}`]);
    return false;
  }

  /**
   * The commit before a venue call (R2): the intent (once per intent, whatever its number of child
   * orders) and its order rows as `submitted` (one, or every leg of one transaction), together or not at all.
   */
  recordSubmission(intent: OrderIntent, ...orders: [OrderUpsert, ...OrderUpsert[]]): void {
    this.db.transaction(() => {
      this.recordIntent(intent, orders[0].ts);
      for (const order of orders) this.upsertOrder(order);
    }).immediate();
  }

  intent(intentId: string): OrderIntent | undefined {
    const row = this.selectIntent.get(intentId);
    return row ? fromJson<OrderIntent>(row.intent) : undefined;
  }

  /** Creates or settles an order row directly (reconciliation, emergency cancel, tests). */
  upsertOrder(order: OrderUpsert): void {
    this.upsert.run({ ...order, price: order.price ?? null, detail: order.detail ?? null });
  }

  /** What the order machine reports about an order already journaled; false when there is no such row. */
  updateOrder(order: OrderUpsert): boolean {
    return this.update.run({ clientOrderId: order.clientOrderId, status: order.status, filled: order.filled, amount: order.amount, detail: order.detail ?? null, ts: order.ts }).changes === 1;
  }

  order(clientOrderId: string): OrderRecord | undefined {
    const row = this.selectOrder.get(clientOrderId);
    return row ? toOrder(row) : undefined;
  }

  /** Orders to reconcile with their venue on start (RELIABILITY R1), oldest first. */
  nonTerminalOrders(): OrderRecord[] {
    return this.selectOpen.all().map(toOrder);
  }

  /** Every order on one venue, whatever its status, oldest first (a harness comparing the journal with the venue's records). */
  ordersOn(venue: string): OrderRecord[] {
    return this.selectOnVenue.all(venue).map(toOrder);
  }

  /**
   * Records a fill once per fill id. The same fill reported again is a `duplicate`; the same id with
   * other content is a `conflict`: the journaled fill stays, the newcomer goes to fill_conflicts.
   */
  recordFill(fill: Fill): FillOutcome {
    return this.db.transaction((): FillOutcome => {
      if (this.insertFill.run(fill).changes === 1) return 'recorded';
      const journaled = toFill(this.selectFill.get(fill.fillId)!);
      const differences = fillDifferences(journaled, fill);
      if (differences.length === 0) return 'duplicate';
      this.insertConflict.run({
        fillId: fill.fillId, clientOrderId: fill.clientOrderId, venue: fill.venue, fill: toJson(fill), journaled: toJson(journaled),
        differences: differences.join('; '), ts: fill.ts,
      });
      return 'conflict';
    })();
  }

  fillConflicts(): FillConflict[] {
    return this.selectConflicts.all().map((r) => ({
      fillId: r.fill_id, fill: fromJson<Fill>(r.fill), journaled: fromJson<Fill>(r.journaled), differences: r.differences.split('; '), ts: r.ts,
    }));
  }

  fills(clientOrderId: string): Fill[] {
    return this.selectFills.all(clientOrderId).map(toFill);
  }

  /** Every fill at or after `sinceTs` (a session's, from its start), oldest first. */
  fillsSince(sinceTs: number): Fill[] {
    return this.selectFillsSince.all(sinceTs).map(toFill);
  }

  orderCount(sinceTs = Number.MIN_SAFE_INTEGER): number {
    return this.countOrders.get(sinceTs)?.n ?? 0;
  }

  fillCount(sinceTs = Number.MIN_SAFE_INTEGER): number {
    return this.countFills.get(sinceTs)?.n ?? 0;
  }
}

function toOrder(row: OrderRow): OrderRecord {
  const order: OrderRecord = {
    clientOrderId: row.client_order_id,
    intentId: row.intent_id,
    strategy: row.strategy,
    venue: row.venue,
    symbol: row.symbol,
    side: row.side,
    status: row.status,
    amount: row.amount,
    filled: row.filled,
    createdTs: row.created_ts,
    updatedTs: row.updated_ts,
  };
  if (row.price !== null) order.price = row.price;
  if (row.detail !== null) order.detail = row.detail;
  return order;
}

function toFill(row: FillRow): Fill {
  return {
    fillId: row.fill_id,
    clientOrderId: row.client_order_id,
    intentId: row.intent_id,
    strategy: row.strategy,
    venue: row.venue,
    symbol: row.symbol,
    side: row.side,
    price: row.price,
    amount: row.amount,
    fee: row.fee,
    liquidity: row.liquidity,
    ts: row.ts,
  };
}
