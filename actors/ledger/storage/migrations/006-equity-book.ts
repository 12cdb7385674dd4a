import type { Migration } from '../migration.js';

/**
 * Whose equity a row is: several trading systems journal to one file (a paper session's families), each on its own
 * clock. `book` names the curve (a family, or `<family>/ledger` for its ledger's marks); `session` the run. Rows
 * written before this migration keep '' for both.
 */
export const equityBook: Migration = {
  version: 6,
  name: 'equity-book',
  sql: `
    ALTER TABLE equity ADD COLUMN book TEXT NOT NULL DEFAULT '';
    ALTER TABLE equity ADD COLUMN session TEXT NOT NULL DEFAULT '';
    CREATE INDEX equity_session_book ON equity (session, book, ts);
  `,
  postgres: `
    ALTER TABLE equity ADD COLUMN book TEXT NOT NULL DEFAULT '';
    ALTER TABLE equity ADD COLUMN session TEXT NOT NULL DEFAULT '';
    CREATE INDEX equity_session_book ON equity (session, book, ts);
  `,
};
