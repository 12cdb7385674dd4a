import type { Hyperparameters, ModelKind, SavedModel } from '../model.js';
import type { ScalerState } from '../scaler.js';
import type { ModelSeries } from '../evaluation/model-series.js';
import type { WalkForwardWindows } from '../evaluation/plan-folds.js';
import type { WalkForwardOutcome } from '../evaluation/walk-forward.js';
import type { TrainingProgress } from './model-factory.js';

/** Everything a training run needs, as plain data: it is handed to a worker thread as a structured clone. */
export interface TrainJob extends WalkForwardWindows {
  series: ModelSeries;
  kind: ModelKind;
  hyper: Hyperparameters;
  /** Taker fee rate per entry and exit of the long/flat P&L. */
  fee: number;
  alpha?: number;
  /** A module whose `modelFactory(data)` returns the ModelFactory to use (test doubles); the real kinds without it. */
  factory?: { module: string; data?: unknown };
}

/** The model fitted on the last training window, with the scaler fitted on that window's rows. */
export interface FinalFit {
  saved: SavedModel;
  scaler: ScalerState;
  /** Open time of the first training sample's bar and of the last label bar. */
  trainStart: number;
  trainEnd: number;
  samples: number;
}

export interface TrainResult extends WalkForwardOutcome {
  final: FinalFit;
}

/** Worker → caller. */
export type TrainMessage =
  | { kind: 'progress'; progress: TrainingProgress }
  | { kind: 'done'; result: TrainResult }
  | { kind: 'failed'; error: { name: string; message: string; issues?: string[]; stack?: string } };
