import { InputError } from '../runtime/errors.js';
import type { Model, SavedModel } from './model.js';
import { parseHyperparameters } from './hyper-params.js';
import { RecurrentModel, type RecurrentWeights } from './recurrent/recurrent-model.js';
import { TransformerModel, type TransformerWeights } from './transformer/transformer-model.js';

/** Rebuilds a model from `save()`'s JSON: the same weights, so the same predictions. */
export function loadModel(saved: SavedModel): Model {
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
