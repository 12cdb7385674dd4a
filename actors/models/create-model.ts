import type { Hyperparameters, Model, ModelKind } from './model.js';
import { CalibratedModel } from './calibration/calibrated-model.js';
import { parseHyperparameters } from './hyper-params.js';
import { RecurrentModel } from './recurrent/recurrent-model.js';
import { TransformerModel } from './transformer/transformer-model.js';

/**
 * An untrained model of `kind` over `inputSize` features per step. The hyperparameters are validated first
 * (InputError naming each bad field). Its P(up) is Platt-scaled (calibration/calibrated-model.ts) unless
 * `hyper.calibrate` is false. Synchronous: the Transformer's CPU backend initialises on import.
 */
export function createModel(kind: ModelKind, inputSize: number, hyper: Hyperparameters): Model {
  if (!Number.isInteger(inputSize) || inputSize < 1) throw new Error(`createModel: inputSize must be a positive whole number, got ${inputSize}`);
  const checked = parseHyperparameters(kind, hyper);
  const model = kind === 'transformer' ? new TransformerModel(inputSize, checked) : new RecurrentModel(kind, inputSize, checked);
  return checked.calibrate === false ? model : new CalibratedModel(model);
}
