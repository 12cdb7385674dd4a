import type { Json } from '../../machines/long-flat.signal.js';
import type { PlattScaling } from './calibration/platt.js';
import type { Sample } from './sample.js';

/** The model kinds `arbiter train --model` accepts: brain.js recurrent nets and a tfjs Transformer encoder. */
export const MODEL_KINDS = ['lstm', 'gru', 'transformer'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** A model's shape and training settings: stored with it, shown by `arbiter models`. */
export interface Hyperparameters {
  /** Bars per input window. */
  window: number;
  /** Hidden units (recurrent) or model width (Transformer). */
  hidden: number;
  /** Passes over the training samples. */
  epochs: number;
  learningRate: number;
  /** Attention heads (Transformer only; must divide `hidden`; 1 when absent). */
  heads?: number;
  /** Stacked recurrent layers or encoder blocks (1 when absent). */
  layers?: number;
  /** Seeds the initial weights (and the Transformer's batch order): the same seed and samples give the same model. */
  seed?: number;
  /** Platt-scale P(up) on the last fifth of the training samples (true when absent). */
  calibrate?: boolean;
}

export interface FitProgress {
  epoch: number;
  epochs: number;
  /** Training loss after this epoch. */
  loss: number;
}

export interface FitOptions {
  /** Called after each epoch (the worker relays it to the terminal's progress bar). */
  onProgress?(progress: FitProgress): void;
}

/** A model as plain JSON: what the store keeps and `loadModel` rebuilds from. */
export interface SavedModel {
  kind: ModelKind;
  inputSize: number;
  hyper: Hyperparameters;
  weights: Json;
  /** The Platt scaling over the inner model's P(up); absent for an uncalibrated model (and in models saved before it). */
  calibration?: PlattScaling;
}

/**
 * One interface over the three kinds. Inputs are already scaled (the scaler is fitted on the training window only
 * and stored beside the model); `predict` returns P(next bar closes up) in [0, 1] and is pure: the same window gives
 * the same answer, with no I/O.
 */
export interface Model {
  readonly kind: ModelKind;
  /** Features per step. */
  readonly inputSize: number;
  readonly hyper: Hyperparameters;
  fit(samples: readonly Sample[], options?: FitOptions): Promise<{ loss: number }>;
  predict(window: readonly (readonly number[])[]): number;
  save(): SavedModel;
  /** Frees what the model holds outside the JS heap (the Transformer's tensors); it cannot predict afterwards. */
  dispose(): void;
}
