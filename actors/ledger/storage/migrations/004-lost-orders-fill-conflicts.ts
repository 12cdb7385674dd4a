import type { Migration } from '../migration.js';

/**
 * Orders gain the terminal status `lost`: a resting order of a venue that lived in the process that
 * died (paper, the local exchanges), which no venue can settle or cancel any more. SQLite cannot alter
 * a CHECK constraint, so the table is rebuilt with the same rows; PostgreSQL replaces the constraint in place.
 *
 * `fill_conflicts` keeps aside a fill whose id is already journaled with different content: the
 * journaled row stays as it was, the newcomer is kept here and logged, never silently dropped.
 */
export const lostOrdersFillConflicts: Migration = {
  version: 4,
  name: 'lost-orders-fill-conflicts',
  sql: `
    CREATE TABLE orders_v4 (
      client_order_id TEXT PRIMARY KEY,
      intent_id TEXT NOT NULL,
      strategy TEXT NOT NULL,
      venue TEXT NOT NULL,
      symbol TEXT NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
      price REAL,
      amount REAL NOT NULL,
      filled REAL NOT NULL DEFAULT 0,
      status TEXT NOT NULL CHECK (status IN ('approved', 'submitted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'unknown', 'lost')),
      detail TEXT,
      created_ts INTEGER NOT NULL,
      updated_ts INTEGER NOT NULL
    );
    INSERT INTO orders_v4 SELECT client_order_id, intent_id, strategy, venue, symbol, side, price, amount, filled, status, detail, created_ts, updated_ts FROM orders;
    DROP TABLE orders;
    ALTER TABLE orders_v4 RENAME TO orders;
    CREATE INDEX orders_status ON orders (status);
    CREATE INDEX orders_intent ON orders (intent_id);

    CREATE TABLE fill_conflicts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      fill_id TEXT NOT NULL,
      client_order_id TEXT NOT NULL,
      venue TEXT NOT NULL,
      fill TEXT NOT NULL,
      journaled TEXT NOT NULL,
      differences TEXT NOT NULL,
      ts INTEGER NOT NULL
    );
    CREATE INDEX fill_conflicts_fill ON fill_conflicts (fill_id);
  `,
  postgres: `
    ALTER TABLE orders DROP CONSTRAINT orders_status_check;
    ALTER TABLE orders ADD CONSTRAINT orders_status_check
      CHECK (status IN ('approved', 'submitted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'unknown', 'lost'));

    CREATE TABLE fill_conflicts (
      id BIGSERIAL PRIMARY KEY,
      fill_id TEXT NOT NULL,
      client_order_id TEXT NOT NULL,
      venue TEXT NOT NULL,
      fill TEXT NOT NULL,
      journaled TEXT NOT NULL,
      differences TEXT NOT NULL,
      ts BIGINT NOT NULL
    );
    CREATE INDEX fill_conflicts_fill ON fill_conflicts (fill_id);
  `,
};
