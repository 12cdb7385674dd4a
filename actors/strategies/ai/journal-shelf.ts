import { existsSync } from 'node:fs';
import { openDatabase } from '../../ledger/storage/database.js';
import { bestEnabledModel, getModel, listModels } from '../../models/store/model-store.js';
import type { ModelShelf } from './choose-model.js';

/**
 * Runs `use` with the models stored in the journal `dbFile` (undefined without one; none in a file that does not
 * exist, which is not created), on a connection of its own, closed afterwards.
 */
export function withJournalShelf<T>(dbFile: string | undefined, use: (shelf: ModelShelf | undefined) => T): T {
  if (!dbFile) return use(undefined);
  if (!existsSync(dbFile)) return use({ where: `${dbFile} (no such file)`, list: () => [], get: () => undefined, best: () => undefined });
  const db = openDatabase(dbFile);
  try {
    return use({ where: dbFile, list: () => listModels(db), get: (id) => getModel(db, id), best: () => bestEnabledModel(db) });
  } finally {
    db.close();
  }
}
