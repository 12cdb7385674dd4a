import type { Migration } from '../migration.js';

/** The order journal (intents, orders, fills, vetoes), positions and equity. */
export const journal: Migration = {
  version: 1,
  name: 'journal',
  sql: `
    CREATE TABLE intents (
      intent_id TEXT PRIMARY KEY,
      strategy TEXT NOT NULL,
      venue TEXT NOT NULL,
      symbol TEXT NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
      kind TEXT NOT NULL,
      type TEXT NOT NULL,
      amount REAL NOT NULL,
      price REAL NOT NULL,
      intent TEXT NOT NULL,
      ts INTEGER NOT NULL
    );

    CREATE TABLE orders (
      client_order_id TEXT PRIMARY KEY,
      intent_id TEXT NOT NULL,
      strategy TEXT NOT NULL,
      venue TEXT NOT NULL,
      symbol TEXT NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
      price REAL,
      amount REAL NOT NULL,
      filled REAL NOT NULL DEFAULT 0,
      status TEXT NOT NULL CHECK (status IN ('approved', 'submitted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'unknown')),
      detail TEXT,
      created_ts INTEGER NOT NULL,
      updated_ts INTEGER NOT NULL
    );
    CREATE INDEX orders_status ON orders (status);
    CREATE INDEX orders_intent ON orders (intent_id);

    CREATE TABLE fills (
      fill_id TEXT PRIMARY KEY,
      client_order_id TEXT NOT NULL,
      intent_id TEXT NOT NULL,
      strategy TEXT NOT NULL,
      venue TEXT NOT NULL,
      symbol TEXT NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
      price REAL NOT NULL,
      amount REAL NOT NULL,
      fee REAL NOT NULL,
      liquidity TEXT NOT NULL CHECK (liquidity IN ('maker', 'taker')),
      ts INTEGER NOT NULL
    );
    CREATE INDEX fills_order ON fills (client_order_id);

    CREATE TABLE vetoes (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ts INTEGER NOT NULL,
      intent_id TEXT NOT NULL,
      strategy TEXT NOT NULL,
      reason TEXT NOT NULL,
      detail TEXT NOT NULL,
      intent TEXT NOT NULL
    );
    CREATE INDEX vetoes_ts ON vetoes (ts);

    CREATE TABLE positions (
      strategy TEXT NOT NULL,
      venue TEXT NOT NULL,
      symbol TEXT NOT NULL,
      amount REAL NOT NULL,
      avg_price REAL NOT NULL,
      updated_ts INTEGER NOT NULL,
      PRIMARY KEY (strategy, venue, symbol)
    );

    CREATE TABLE equity (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ts INTEGER NOT NULL,
      equity REAL NOT NULL
    );
    CREATE INDEX equity_ts ON equity (ts);
  `,
  postgres: `
    CREATE TABLE intents (
      intent_id TEXT PRIMARY KEY,
      strategy TEXT NOT NULL,
      venue TEXT NOT NULL,
      symbol TEXT NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
      kind TEXT NOT NULL,
      type TEXT NOT NULL,
      amount DOUBLE PRECISION NOT NULL,
      price DOUBLE PRECISION NOT NULL,
      intent TEXT NOT NULL,
      ts BIGINT NOT NULL
    );

    CREATE TABLE orders (
      client_order_id TEXT PRIMARY KEY,
      intent_id TEXT NOT NULL,
      strategy TEXT NOT NULL,
      venue TEXT NOT NULL,
      symbol TEXT NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
      price DOUBLE PRECISION,
      amount DOUBLE PRECISION NOT NULL,
      filled DOUBLE PRECISION NOT NULL DEFAULT 0,
      status TEXT NOT NULL CHECK (status IN ('approved', 'submitted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'unknown')),
      detail TEXT,
      created_ts BIGINT NOT NULL,
      updated_ts BIGINT NOT NULL
    );
    CREATE INDEX orders_status ON orders (status);
    CREATE INDEX orders_intent ON orders (intent_id);

    CREATE TABLE fills (
      fill_id TEXT PRIMARY KEY,
      client_order_id TEXT NOT NULL,
      intent_id TEXT NOT NULL,
      strategy TEXT NOT NULL,
      venue TEXT NOT NULL,
      symbol TEXT NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
      price DOUBLE PRECISION NOT NULL,
      amount DOUBLE PRECISION NOT NULL,
      fee DOUBLE PRECISION NOT NULL,
      liquidity TEXT NOT NULL CHECK (liquidity IN ('maker', 'taker')),
      ts BIGINT NOT NULL
    );
    CREATE INDEX fills_order ON fills (client_order_id);

    CREATE TABLE vetoes (
      id BIGSERIAL PRIMARY KEY,
      ts BIGINT NOT NULL,
      intent_id TEXT NOT NULL,
      strategy TEXT NOT NULL,
      reason TEXT NOT NULL,
      detail TEXT NOT NULL,
      intent TEXT NOT NULL
    );
    CREATE INDEX vetoes_ts ON vetoes (ts);

    CREATE TABLE positions (
      strategy TEXT NOT NULL,
      venue TEXT NOT NULL,
      symbol TEXT NOT NULL,
      amount DOUBLE PRECISION NOT NULL,
      avg_price DOUBLE PRECISION NOT NULL,
      updated_ts BIGINT NOT NULL,
      PRIMARY KEY (strategy, venue, symbol)
    );

    CREATE TABLE equity (
      id BIGSERIAL PRIMARY KEY,
      ts BIGINT NOT NULL,
      equity DOUBLE PRECISION NOT NULL
    );
    CREATE INDEX equity_ts ON equity (ts);
  `,
};
