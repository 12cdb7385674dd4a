import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../../ledger/storage/database.js';
import { bestEnabledModel, getModel, listModels } from '../../models/store/model-store.js';
import type { ModelShelf } from './choose-model.js';

// Required on first use, not imported: every command loads the catalogue, and only a run that asks an ai strategy
// about its model needs SQLite.
const require = createRequire(import.meta.url);

/**
 * Runs `use` with the models stored in the journal `dbFile` (undefined without one; none in a file that does not
 * exist, or that no `arbiter train` has stored a model in yet), read-only on a connection of its own, closed afterwards.
 */
export function withJournalShelf<T>(dbFile: string | undefined, use: (shelf: ModelShelf | undefined) => T): T {
  if (!dbFile) return use(undefined);
  const empty = (why: string): ModelShelf => ({ where: `${dbFile} (${why})`, list: () => [], get: () => undefined, best: () => undefined });
  if (!existsSync(dbFile)) return use(empty('no such file'));
  const Database = require('better-sqlite3') as typeof BetterSqlite3;
  const db: Db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'models'").get()) return use(empty('no models table'));
    return use({ where: dbFile, list: () => listModels(db), get: (id) => getModel(db, id), best: () => bestEnabledModel(db) });
  } finally {
    db.close();
  }
}
