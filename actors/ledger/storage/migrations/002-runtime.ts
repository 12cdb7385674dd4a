import type { Migration } from '../migration.js';

/** What the actor runtime persists: restarts, dead letters, machine snapshots. */
export const runtime: Migration = {
  version: 2,
  name: 'runtime',
  sql: `
    CREATE TABLE actor_restarts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ts INTEGER NOT NULL,
      actor TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      delay_ms INTEGER NOT NULL,
      error TEXT NOT NULL
    );
    CREATE INDEX actor_restarts_ts ON actor_restarts (ts);

    CREATE TABLE dead_letters (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ts INTEGER NOT NULL,
      actor TEXT NOT NULL,
      reason TEXT NOT NULL,
      message TEXT NOT NULL,
      error TEXT
    );
    CREATE INDEX dead_letters_ts ON dead_letters (ts);

    CREATE TABLE actor_snapshots (
      name TEXT PRIMARY KEY,
      snapshot TEXT NOT NULL
    );
  `,
  postgres: `
    CREATE TABLE actor_restarts (
      id BIGSERIAL PRIMARY KEY,
      ts BIGINT NOT NULL,
      actor TEXT NOT NULL,
      attempt BIGINT NOT NULL,
      delay_ms BIGINT NOT NULL,
      error TEXT NOT NULL
    );
    CREATE INDEX actor_restarts_ts ON actor_restarts (ts);

    CREATE TABLE dead_letters (
      id BIGSERIAL PRIMARY KEY,
      ts BIGINT NOT NULL,
      actor TEXT NOT NULL,
      reason TEXT NOT NULL,
      message TEXT NOT NULL,
      error TEXT
    );
    CREATE INDEX dead_letters_ts ON dead_letters (ts);

    CREATE TABLE actor_snapshots (
      name TEXT PRIMARY KEY,
      snapshot TEXT NOT NULL
    );
  `,
};
