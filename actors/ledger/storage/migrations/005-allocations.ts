import type { Migration } from '../migration.js';

/** Every reallocation of capital between strategy families, with the weights before and after and what they came from (issue 11). */
export const allocations: Migration = {
  version: 5,
  name: 'allocations',
  sql: `
    CREATE TABLE allocations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ts INTEGER NOT NULL,
      session TEXT NOT NULL,
      before TEXT NOT NULL,
      after TEXT NOT NULL,
      inputs TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'grows-skipped')),
      detail TEXT NOT NULL
    );
    CREATE INDEX allocations_session ON allocations (session, ts);
  `,
  postgres: `
    CREATE TABLE allocations (
      id BIGSERIAL PRIMARY KEY,
      ts BIGINT NOT NULL,
      session TEXT NOT NULL,
      before TEXT NOT NULL,
      after TEXT NOT NULL,
      inputs TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'grows-skipped')),
      detail TEXT NOT NULL
    );
    CREATE INDEX allocations_session ON allocations (session, ts);
  `,
};
