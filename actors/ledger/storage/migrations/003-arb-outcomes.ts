import type { Migration } from '../migration.js';

/** How each multi-leg arbitrage trade ended and what it realised, per currency (issue 3, leg risk). */
export const arbOutcomes: Migration = {
  version: 3,
  name: 'arb-outcomes',
  sql: `
    CREATE TABLE arb_outcomes (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ts INTEGER NOT NULL,
      strategy TEXT NOT NULL,
      group_id TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'aborted', 'hedged', 'unwound', 'stuck')),
      pnl TEXT NOT NULL,
      detail TEXT NOT NULL
    );
    CREATE INDEX arb_outcomes_ts ON arb_outcomes (ts);
    CREATE INDEX arb_outcomes_strategy ON arb_outcomes (strategy, ts);
  `,
  postgres: `
    CREATE TABLE arb_outcomes (
      id BIGSERIAL PRIMARY KEY,
      ts BIGINT NOT NULL,
      strategy TEXT NOT NULL,
      group_id TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'aborted', 'hedged', 'unwound', 'stuck')),
      pnl TEXT NOT NULL,
      detail TEXT NOT NULL
    );
    CREATE INDEX arb_outcomes_ts ON arb_outcomes (ts);
    CREATE INDEX arb_outcomes_strategy ON arb_outcomes (strategy, ts);
  `,
};
