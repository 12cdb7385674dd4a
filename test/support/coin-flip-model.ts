import type { Hyperparameters, Model, ModelKind, SavedModel } from '../../actors/models/model.js';
import type { Sample } from '../../actors/models/sample.js';
import { seededRandom } from '../../actors/runtime/random.js';

/** A model double that learns nothing: P(up) is a seeded uniform draw per prediction. */
export class CoinFlipModel implements Model {
  private readonly random: () => number;

  constructor(readonly kind: ModelKind, readonly inputSize: number, readonly hyper: Hyperparameters, seed = 7) {
    this.random = seededRandom(seed);
  }

  async fit(_samples: readonly Sample[], options: Parameters<Model['fit']>[1] = {}): Promise<{ loss: number }> {
    for (let epoch = 1; epoch <= this.hyper.epochs; epoch++) options.onProgress?.({ epoch, epochs: this.hyper.epochs, loss: 0.25 });
    return { loss: 0.25 };
  }

  predict(): number {
    return this.random();
  }

  save(): SavedModel {
    return { kind: this.kind, inputSize: this.inputSize, hyper: this.hyper, weights: { double: 'coin-flip' } };
  }

  dispose(): void {}
}
