import type { Hyperparameters, Model, ModelKind, SavedModel } from '../../actors/models/model.js';
import type { Sample } from '../../actors/models/sample.js';

/**
 * A model double that can learn: a lookup table from the window (every scaled value rounded to one decimal) to the
 * up-rate seen after it in training; an unseen window gets 0.5. It learns a series that repeats exactly.
 */
export class PatternTableModel implements Model {
  private table = new Map<string, { up: number; n: number }>();

  constructor(readonly kind: ModelKind, readonly inputSize: number, readonly hyper: Hyperparameters) {}

  async fit(samples: readonly Sample[], options: Parameters<Model['fit']>[1] = {}): Promise<{ loss: number }> {
    this.table = new Map();
    for (const s of samples) {
      const key = PatternTableModel.key(s.window);
      const seen = this.table.get(key) ?? { up: 0, n: 0 };
      this.table.set(key, { up: seen.up + s.up, n: seen.n + 1 });
    }
    options.onProgress?.({ epoch: 1, epochs: 1, loss: 0 });
    return { loss: 0 };
  }

  predict(window: readonly (readonly number[])[]): number {
    const seen = this.table.get(PatternTableModel.key(window));
    return seen ? seen.up / seen.n : 0.5;
  }

  save(): SavedModel {
    return { kind: this.kind, inputSize: this.inputSize, hyper: this.hyper, weights: [...this.table].map(([key, { up, n }]) => [key, up, n]) };
  }

  dispose(): void {}

  private static key(window: readonly (readonly number[])[]): string {
    return window.map((row) => row.map((v) => v.toFixed(1)).join(',')).join('|');
  }
}
