import { InputError } from '../runtime/errors.js';
import { CalibratedModel } from './calibration/calibrated-model.js';
import type { Model, SavedModel } from './model.js';
import { parseHyperparameters } from './hyper-params.js';
import { RecurrentModel, type RecurrentWeights } from './recurrent/recurrent-model.js';
import { TransformerModel, type TransformerWeights } from './transformer/transformer-model.js';

/** Rebuilds a model from `save()`'s JSON: the same weights and calibration, so the same predictions. */
export function loadModel(saved: SavedModel): Model {
  const model = loadInner(saved);
  if (saved.calibration === undefined) return model;
  const { a, b } = saved.calibration;
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new InputError(`saved ${saved.kind} model: calibration a and b must be finite numbers`);
  return new CalibratedModel(model, { a, b });
}

function loadInner(saved: SavedModel): Model {
  const hyper = parseHyperparameters(saved.kind, saved.hyper);
  if (typeof saved.weights !== 'object' || saved.weights === null || Array.isArray(saved.weights)) {
    throw new InputError(`saved ${saved.kind} model: weights must be an object`);
  }
  switch (saved.kind) {
    case 'lstm':
    case 'gru':
      return new RecurrentModel(saved.kind, saved.inputSize, hyper, saved.weights as unknown as RecurrentWeights);
    case 'transformer':
      return new TransformerModel(saved.inputSize, hyper, saved.weights as unknown as TransformerWeights);
    default:
      throw new InputError(`saved model: unknown kind ${String((saved as { kind: unknown }).kind)}`);
  }
}
