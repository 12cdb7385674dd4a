import type { Hyperparameters, Model, ModelKind } from './model.js';
import { parseHyperparameters } from './hyper-params.js';
import { RecurrentModel } from './recurrent/recurrent-model.js';
import { TransformerModel } from './transformer/transformer-model.js';

/**
 * An untrained model of `kind` over `inputSize` features per step. The hyperparameters are validated first
 * (InputError naming each bad field). Synchronous: the Transformer's CPU backend initialises on import.
 */
export function createModel(kind: ModelKind, inputSize: number, hyper: Hyperparameters): Model {
  if (!Number.isInteger(inputSize) || inputSize < 1) throw new Error(`createModel: inputSize must be a positive whole number, got ${inputSize}`);
  const checked = parseHyperparameters(kind, hyper);
  return kind === 'transformer' ? new TransformerModel(inputSize, checked) : new RecurrentModel(kind, inputSize, checked);
}
