import { buildFeatureMatrix } from '../../actors/features/build-feature-matrix.js';
import type { FeatureInfo } from '../../actors/features/feature.js';
import type { Candle } from '../../actors/market-data/types.js';
import { openDatabase } from '../../actors/ledger/storage/database.js';
import type { SavedModel } from '../../actors/models/model.js';
import { RecurrentModel } from '../../actors/models/recurrent/recurrent-model.js';
import { fitScaler, scaleRow, type ScalerState } from '../../actors/models/scaler.js';
import type { Sample } from '../../actors/models/sample.js';
import { saveModel } from '../../actors/models/store/model-store.js';
import { storedModel } from './stand-in-model.js';

export interface TinyModel {
  saved: SavedModel;
  scaler: ScalerState;
  features: FeatureInfo[];
}

/**
 * A tiny LSTM (window 4, 3 hidden units, 2 epochs) fitted on `candles`' candle features with the real model code, as
 * `arbiter train` would store it (RecurrentModel itself rather than createModel: a test need not load tfjs for an LSTM).
 */
export async function trainTinyLstm(candles: readonly Candle[], timeframeMs: number): Promise<TinyModel> {
  const window = 4;
  const matrix = buildFeatureMatrix(candles, { timeframeMs });
  const scaler = fitScaler(matrix.rows.map((r) => r.values));
  const scaled = matrix.rows.map((r) => scaleRow(scaler, r.values));
  const close = new Map(candles.map((c) => [c.ts, c.close]));
  const samples: Sample[] = [];
  for (let t = window - 1; t + 1 < scaled.length; t++) {
    const now = close.get(matrix.rows[t]!.ts)!;
    const next = close.get(matrix.rows[t + 1]!.ts)!;
    samples.push({ ts: matrix.rows[t]!.ts, window: scaled.slice(t - window + 1, t + 1), next: scaled[t + 1]!, up: next > now ? 1 : 0, nextReturn: Math.log(next / now) });
  }
  const model = new RecurrentModel('lstm', matrix.features.length, { window, hidden: 3, epochs: 2, learningRate: 0.01, seed: 1 });
  await model.fit(samples);
  return { saved: model.save(), scaler, features: matrix.features };
}

/** `model` stored in the journal `file`, enabled or not (with the stand-in's reasons); its id. */
export function storeTiny(file: string, model: TinyModel, enabled: boolean): string {
  const db = openDatabase(file);
  try {
    return saveModel(db, storedModel(model.saved, model.scaler, { enabled, features: model.features })).id;
  } finally {
    db.close();
  }
}
