import { randomBytes } from 'node:crypto';
import type { Db } from '../../ledger/storage/database.js';
import { SystemClock, type Clock } from '../../runtime/clock.js';
import type { StoredModel } from './stored-model.js';

interface Row {
  id: string;
  created_at: number;
  kind: string;
  enabled: 0 | 1;
  reason: string;
  accuracy: number;
  baseline_accuracy: number;
  samples: number;
  saved: string;
  scaler: string;
  features: string;
  data: string;
  evaluation: string;
}

const COLUMNS = 'id, created_at, kind, enabled, reason, accuracy, baseline_accuracy, samples, saved, scaler, features, data, evaluation';

/**
 * Stores a trained model under a fresh id `<kind>-<8 hex>` (table `models`, migration 007) and returns it as stored.
 * Its `createdAt` is the clock's time (the wall clock unless given).
 */
export function saveModel(db: Db, stored: Omit<StoredModel, 'id' | 'createdAt'>, clock: Clock = new SystemClock()): StoredModel {
  const now = clock.now();
  const insert = db.prepare<[Row]>(
    `INSERT INTO models (${COLUMNS}) VALUES (@id, @created_at, @kind, @enabled, @reason, @accuracy, @baseline_accuracy, @samples, @saved, @scaler, @features, @data, @evaluation)`,
  );
  const out = stored.evaluation.outOfSample;
  for (;;) {
    const id = `${stored.saved.kind}-${randomBytes(4).toString('hex')}`;
    const row: Row = {
      id, created_at: now, kind: stored.saved.kind, enabled: stored.enabled ? 1 : 0, reason: stored.reason,
      accuracy: out.accuracy, baseline_accuracy: out.baselineAccuracy, samples: out.samples,
      saved: JSON.stringify(stored.saved), scaler: JSON.stringify(stored.scaler), features: JSON.stringify(stored.features),
      data: JSON.stringify(stored.data), evaluation: JSON.stringify(stored.evaluation),
    };
    try {
      insert.run(row);
      return fromRow(row);
    } catch (err) {
      // 32 random bits: a clash is rare enough that drawing again is the whole remedy.
      if (err instanceof Error && 'code' in err && err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') continue;
      throw err;
    }
  }
}

export function getModel(db: Db, id: string): StoredModel | undefined {
  const row = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM models WHERE id = ?`).get(id);
  return row && fromRow(row);
}

/** Every stored model, newest first. */
export function listModels(db: Db): StoredModel[] {
  return db.prepare<[], Row>(`SELECT ${COLUMNS} FROM models ORDER BY created_at DESC, rowid DESC`).all().map(fromRow);
}

/**
 * The enabled model with the largest out-of-sample edge over its best baseline (accuracy minus baseline accuracy);
 * the newest among equals. Undefined when no model passed its significance gate.
 */
export function bestEnabledModel(db: Db): StoredModel | undefined {
  const row = db
    .prepare<[], Row>(`SELECT ${COLUMNS} FROM models WHERE enabled = 1 ORDER BY accuracy - baseline_accuracy DESC, created_at DESC, rowid DESC LIMIT 1`)
    .get();
  return row && fromRow(row);
}

function fromRow(r: Row): StoredModel {
  return {
    id: r.id,
    createdAt: r.created_at,
    saved: JSON.parse(r.saved) as StoredModel['saved'],
    scaler: JSON.parse(r.scaler) as StoredModel['scaler'],
    features: JSON.parse(r.features) as StoredModel['features'],
    data: JSON.parse(r.data) as StoredModel['data'],
    evaluation: JSON.parse(r.evaluation) as StoredModel['evaluation'],
    enabled: r.enabled === 1,
    reason: r.reason,
  };
}
