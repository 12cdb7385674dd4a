// STUB until actors/models/store/model-store.ts lands on main: same signatures, no table.
import type { Db } from '../../ledger/storage/database.js';
import type { StoredModel } from '../../models/store/stored-model.js';

export function getModel(_db: Db, _id: string): StoredModel | undefined {
  return undefined;
}
export function listModels(_db: Db): StoredModel[] {
  return [];
}
export function bestEnabledModel(_db: Db): StoredModel | undefined {
  return undefined;
}
