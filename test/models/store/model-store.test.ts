import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../actors/ledger/storage/database.js';
import { bestEnabledModel, getModel, listModels, saveModel } from '../../../actors/models/store/model-store.js';
import type { StoredModel } from '../../../actors/models/store/stored-model.js';
import type { ModelKind } from '../../../actors/models/model.js';
import { tempDbFile } from '../../ledger/storage/temp-db.js';

const at = (ms: number) => ({ now: () => ms });

function trained(kind: ModelKind, accuracy: number, baselineAccuracy: number, enabled: boolean): Omit<StoredModel, 'id' | 'createdAt'> {
  const hyper = { window: 4, hidden: 3, epochs: 1, learningRate: 0.01 };
  const features = [{ name: 'log_return', group: 'price_data' as const, source: 'candles: close', lag: 'close of bar t', warmUp: 1 }];
  const outOfSample = { accuracy, baselineAccuracy, samples: 100, brier: 0.25, pnl: -0.01 };
  return {
    saved: { kind, inputSize: 1, hyper, weights: { layers: [[0.5, -1.25], [3]] } },
    scaler: { min: [-0.01], max: [0.02] },
    features,
    data: { file: 'candles.json', start: 0, end: 60_000 * 99, timeframeMs: 60_000, sha256: 'ab'.repeat(32), rows: 100 },
    evaluation: {
      model: kind, hyper, features, folds: [], outOfSample, baselines: {}, bestBaseline: 'persistence',
      significance: { test: 'one-sided exact McNemar', modelOnlyRight: 10, baselineOnlyRight: 5, pValue: 0.15, alpha: 0.05 },
      enabled, reason: enabled ? 'beats persistence' : 'not better',
    },
    enabled,
    reason: enabled ? 'beats persistence' : 'not better',
  };
}

test('a stored model reads back whole after reopening the file, under a short readable id', () => {
  const file = tempDbFile();
  const db = openDatabase(file);
  const stored = saveModel(db, trained('lstm', 0.52, 0.5, false), at(1_000));
  db.close();

  assert.match(stored.id, /^lstm-[0-9a-f]{8}$/);
  const reopened = openDatabase(file);
  const back = getModel(reopened, stored.id);
  assert.deepEqual(back, stored);
  assert.equal(back?.createdAt, 1_000);
  assert.deepEqual(back?.saved.weights, { layers: [[0.5, -1.25], [3]] });
  assert.equal(getModel(reopened, 'lstm-00000000'), undefined);
  reopened.close();
});

test('models are listed newest first; the best enabled one has the largest edge over its baseline', () => {
  const db = openDatabase(tempDbFile());
  assert.equal(bestEnabledModel(db), undefined);
  const a = saveModel(db, trained('gru', 0.625, 0.5, true), at(1_000));
  const b = saveModel(db, trained('transformer', 0.7, 0.69, true), at(2_000));
  const c = saveModel(db, trained('lstm', 0.9, 0.5, false), at(3_000));
  const d = saveModel(db, trained('lstm', 0.75, 0.625, true), at(3_000));

  assert.deepEqual(listModels(db).map((m) => m.id), [d.id, c.id, b.id, a.id]);
  assert.equal(bestEnabledModel(db)?.id, d.id, 'ties on the edge (0.125) go to the newest; the disabled 0.9 is never chosen');
  db.close();
});
