import type { Hyperparameters, Model, ModelKind } from '../model.js';

/** Makes an untrained model: the real kinds (create-model.ts) in the CLI, test doubles in tests. */
export type ModelFactory = (kind: ModelKind, inputSize: number, hyper: Hyperparameters) => Model | Promise<Model>;

/** One epoch done, in fold `fold` of `folds` of the walk-forward, or in the final fit. */
export interface TrainingProgress {
  stage: 'fold' | 'final';
  /** 1-based; the final fit is fold `folds + 1`. */
  fold: number;
  folds: number;
  epoch: number;
  epochs: number;
  loss: number;
}
