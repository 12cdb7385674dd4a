import type { FeatureInfo } from '../../features/feature.js';
import type { SavedModel } from '../model.js';
import type { WalkForwardReport } from '../evaluation/walk-forward-report.js';
import type { ScalerState } from '../scaler.js';

/** A trained model as the `models` table keeps it (migration 007): `arbiter models` lists these. */
export interface StoredModel {
  id: string;
  createdAt: number;
  saved: SavedModel;
  /** Per-feature min/max fitted on the final training window. */
  scaler: ScalerState;
  features: FeatureInfo[];
  /** The candles it was trained and evaluated on: first and last bar open time, timeframe, and a sha256 of the file. */
  data: { file: string; start: number; end: number; timeframeMs: number; sha256: string; rows: number };
  /** The walk-forward report without its per-sample predictions. */
  evaluation: Omit<WalkForwardReport, 'predictions'>;
  enabled: boolean;
  reason: string;
}
