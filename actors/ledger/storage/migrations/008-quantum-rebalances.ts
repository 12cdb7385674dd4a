import type { Migration } from '../migration.js';

/** Each quantum-portfolio rebalance: QAOA's pick beside the exact optimum, the closes it was decided on (issue 14). */
export const quantumRebalances: Migration = {
  version: 8,
  name: 'quantum-rebalances',
  sql: `
    CREATE TABLE quantum_rebalances (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ts INTEGER NOT NULL,
      session TEXT NOT NULL,
      strategy TEXT NOT NULL,
      rebalance TEXT NOT NULL
    );
    CREATE INDEX quantum_rebalances_session ON quantum_rebalances (session, strategy, id);
  `,
  postgres: `
    CREATE TABLE quantum_rebalances (
      id BIGSERIAL PRIMARY KEY,
      ts BIGINT NOT NULL,
      session TEXT NOT NULL,
      strategy TEXT NOT NULL,
      rebalance TEXT NOT NULL
    );
    CREATE INDEX quantum_rebalances_session ON quantum_rebalances (session, strategy, id);
  `,
};
