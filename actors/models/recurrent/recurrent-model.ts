import brain from 'brain.js';
import type { INeuralNetworkJSON } from 'brain.js';
import type { Json } from '../../../machines/long-flat.signal.js';
import type { FitOptions, Hyperparameters, Model, SavedModel } from '../model.js';
import type { Sample } from '../sample.js';
import { fitUpRule, upOf, type UpRule } from './up-rule.js';
import { withSeededMathRandom } from './with-seeded-math-random.js';

export type RecurrentKind = 'lstm' | 'gru';

type TimeStepNet = InstanceType<typeof brain.recurrent.LSTMTimeStep>;

/** Saved weights: the up rule and brain.js's own JSON of the net. */
export interface RecurrentWeights {
  upRule: UpRule;
  net: Json;
}

function newNet(kind: RecurrentKind, inputSize: number, hyper: Hyperparameters): TimeStepNet {
  const options = { inputSize: inputSize + 1, outputSize: inputSize + 1, hiddenLayers: new Array<number>(hyper.layers ?? 1).fill(hyper.hidden) };
  return kind === 'lstm' ? new brain.recurrent.LSTMTimeStep(options) : new brain.recurrent.GRUTimeStep(options);
}

/**
 * A brain.js LSTM or GRU time-step net. Each step is the bar's scaled features plus its up indicator (last
 * component); the net learns to forecast the next step, and P(up) is the forecast's last component, clipped to [0, 1].
 */
export class RecurrentModel implements Model {
  private readonly net: TimeStepNet;
  private upRule: UpRule | undefined;

  constructor(
    readonly kind: RecurrentKind,
    readonly inputSize: number,
    readonly hyper: Hyperparameters,
    weights?: RecurrentWeights,
  ) {
    this.net = newNet(kind, inputSize, hyper);
    if (weights) {
      this.net.fromJSON(weights.net as unknown as INeuralNetworkJSON);
      this.upRule = weights.upRule;
    }
  }

  async fit(samples: readonly Sample[], options: FitOptions = {}): Promise<{ loss: number }> {
    const upRule = fitUpRule(samples);
    this.upRule = upRule;
    const data = samples.map((s) => ({ input: s.window.map((row) => [...row, upOf(upRule, row)]), output: [[...s.next, s.up]] }));
    const { epochs, learningRate, seed } = this.hyper;
    const state = withSeededMathRandom(seed, () =>
      this.net.train(data, {
        iterations: epochs,
        // brain stops once the error is at or below errorThresh: keep it below any error the net reaches.
        errorThresh: Number.MIN_VALUE,
        learningRate,
        callbackPeriod: 1,
        callback: ({ iterations, error }) => options.onProgress?.({ epoch: iterations + 1, epochs, loss: error }),
      }),
    );
    return { loss: state.error };
  }

  predict(window: readonly (readonly number[])[]): number {
    const upRule = this.upRule;
    if (upRule === undefined) throw new Error(`${this.kind}: predict before fit`);
    const forecast = this.net.run<Float32Array>(window.map((row) => [...row, upOf(upRule, row)]));
    return Math.min(1, Math.max(0, forecast[this.inputSize]!));
  }

  save(): SavedModel {
    if (this.upRule === undefined) throw new Error(`${this.kind}: save before fit`);
    const weights: RecurrentWeights = { upRule: this.upRule, net: this.net.toJSON() as unknown as Json };
    return { kind: this.kind, inputSize: this.inputSize, hyper: this.hyper, weights: weights as unknown as Json };
  }

  dispose(): void {}
}
