import type { FitOptions, Hyperparameters, Model, SavedModel } from '../model.js';
import type { Sample } from '../sample.js';
import { seededRandom } from '../seeded-random.js';
import type { Tensor3D } from '@tensorflow/tfjs';
import type { EncoderShape } from './encoder.js';
import { initialParameters, parameterShapes } from './parameters.js';
import { plainProbability } from './plain-forward.js';
import { positionalEncoding } from './positional-encoding.js';

/** tfjs and the encoder graph, loaded on the first fit: a model that only predicts never loads tfjs. */
async function graph() {
  const [{ tf, tfReady }, encoder] = await Promise.all([import('./tfjs.js'), import('./encoder.js')]);
  await tfReady;
  return { tf, ...encoder };
}
type Graph = Awaited<ReturnType<typeof graph>>;

const BATCH = 32;

/** Saved weights: each parameter's values by name, row-major. */
export type TransformerWeights = Record<string, number[]>;

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * A small Transformer encoder trained on tfjs's pure-JS CPU backend with binary cross-entropy and Adam over variables it
 * owns while it trains. `predict` (the sigmoid of its logit) runs the same arithmetic in plain JavaScript over the
 * trained weights, so loading and predicting never touch tfjs.
 */
export class TransformerModel implements Model {
  readonly kind = 'transformer' as const;
  private readonly shape: EncoderShape;
  private readonly shapes: [string, number[]][];
  private readonly position: Float32Array;
  /** The weights: the initial or saved ones, then what each fit leaves. What `predict` and `save` use. */
  private snapshot: Map<string, Float32Array>;

  constructor(
    readonly inputSize: number,
    readonly hyper: Hyperparameters,
    weights?: TransformerWeights,
  ) {
    this.shape = { width: hyper.hidden, heads: hyper.heads ?? 1, blocks: hyper.layers ?? 1 };
    this.shapes = parameterShapes(inputSize, this.shape.width, this.shape.heads, this.shape.blocks);
    if (weights) {
      this.snapshot = new Map(
        this.shapes.map(([name, shape]) => {
          const values = weights[name];
          const size = shape.reduce((a, b) => a * b, 1);
          if (values === undefined) throw new Error(`transformer: saved weights lack ${name}`);
          if (values.length !== size) throw new Error(`transformer: saved ${name} has ${values.length} values, its shape [${shape.join(', ')}] needs ${size}`);
          return [name, Float32Array.from(values)];
        }),
      );
    } else {
      this.snapshot = initialParameters(this.shapes, hyper.seed ?? 0);
    }
    this.position = positionalEncoding(hyper.window, this.shape.width);
  }

  /** The weights as tfjs variables and the encoder's constant tensors, for one fit or one graph evaluation. */
  private tensors({ tf, encoderConstants }: Graph) {
    const parameters = new Map(this.shapes.map(([name, shape]) => [name, tf.tidy(() => tf.variable(tf.tensor(this.snapshot.get(name)!, shape, 'float32')))]));
    const constants = encoderConstants(this.hyper.window, this.shape.width, this.position);
    const dispose = () => {
      for (const variable of parameters.values()) variable.dispose();
      constants.position.dispose();
      constants.pool.dispose();
    };
    return { parameters, constants, dispose };
  }

  async fit(samples: readonly Sample[], options: FitOptions = {}): Promise<{ loss: number }> {
    const g = await graph();
    const { tf, encoderLogits } = g;
    const { parameters, constants, dispose } = this.tensors(g);
    const { window, epochs, learningRate } = this.hyper;
    const flat = new Float32Array(samples.length * window * this.inputSize);
    samples.forEach((s, i) => this.checkWindow(s.window).forEach((row, t) => flat.set(row, (i * window + t) * this.inputSize)));
    const xs = tf.tensor3d(flat, [samples.length, window, this.inputSize]);
    const ys = tf.tensor2d(samples.map((s) => s.up), [samples.length, 1]);
    const optimizer = tf.train.adam(learningRate);
    const variables = [...parameters.values()];
    const random = seededRandom((this.hyper.seed ?? 0) + 1);
    let loss = NaN;
    try {
      for (let epoch = 1; epoch <= epochs; epoch++) {
        const order = shuffled(samples.length, random);
        let total = 0;
        for (let start = 0; start < order.length; start += BATCH) {
          const batch = order.slice(start, start + BATCH);
          const cost = tf.tidy(() => {
            const indices = tf.tensor1d(batch, 'int32');
            const x = tf.gather(xs, indices) as Tensor3D;
            const y = tf.gather(ys, indices);
            const batchLoss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(y, encoderLogits(parameters, x, constants, this.shape)), true, variables);
            return batchLoss!.dataSync()[0]!;
          });
          total += cost * batch.length;
        }
        loss = total / samples.length;
        options.onProgress?.({ epoch, epochs, loss });
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.snapshot = new Map([...parameters].map(([name, variable]) => [name, Float32Array.from(variable.dataSync())]));
      dispose();
      xs.dispose();
      ys.dispose();
      optimizer.dispose();
    }
    return { loss };
  }

  predict(window: readonly (readonly number[])[]): number {
    return plainProbability(this.snapshot, this.checkWindow(window), this.position, this.shape);
  }

  /** P(up) for each window through the tfjs graph that training differentiates (tests compare it with `predict`). */
  async predictWithTf(windows: readonly (readonly (readonly number[])[])[]): Promise<number[]> {
    const g = await graph();
    const { tf, encoderLogits } = g;
    const { parameters, constants, dispose } = this.tensors(g);
    const { window } = this.hyper;
    const flat = new Float32Array(windows.length * window * this.inputSize);
    windows.forEach((rows, i) => this.checkWindow(rows).forEach((row, t) => flat.set(row, (i * window + t) * this.inputSize)));
    try {
      return tf.tidy(() => {
        const x = tf.tensor3d(flat, [windows.length, window, this.inputSize]);
        return Array.from(tf.sigmoid(encoderLogits(parameters, x, constants, this.shape)).dataSync());
      });
    } finally {
      dispose();
    }
  }

  save(): SavedModel {
    const weights: TransformerWeights = {};
    for (const [name, values] of this.snapshot) weights[name] = Array.from(values);
    return { kind: this.kind, inputSize: this.inputSize, hyper: this.hyper, weights };
  }

  /** Nothing to free: tensors live only during a fit. */
  dispose(): void {}

  private checkWindow(window: readonly (readonly number[])[]): readonly (readonly number[])[] {
    if (window.length !== this.hyper.window || window.some((row) => row.length !== this.inputSize)) {
      throw new Error(`transformer: expected a window of ${this.hyper.window} rows of ${this.inputSize} features, got ${window.length} rows`);
    }
    return window;
  }
}
