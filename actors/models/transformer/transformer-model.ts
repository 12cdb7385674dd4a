import type { Json } from '../../../machines/long-flat.signal.js';
import type { FitOptions, Hyperparameters, Model, SavedModel } from '../model.js';
import type { Sample } from '../sample.js';
import { seededRandom } from '../seeded-random.js';
import { encoderLogits, type EncoderShape } from './encoder.js';
import { initialParameters, parameterShapes } from './parameters.js';
import { positionalEncoding } from './positional-encoding.js';
import { tf, tfReady } from './tfjs.js';

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
 * A small Transformer encoder on tfjs-core's CPU backend, trained with binary cross-entropy and Adam over variables
 * it owns; `predict` returns the sigmoid of its logit.
 */
export class TransformerModel implements Model {
  readonly kind = 'transformer' as const;
  private readonly shape: EncoderShape;
  private readonly parameters: Map<string, tf.Variable>;
  private readonly position: tf.Tensor2D;

  constructor(
    readonly inputSize: number,
    readonly hyper: Hyperparameters,
    weights?: TransformerWeights,
  ) {
    this.shape = { width: hyper.hidden, heads: hyper.heads ?? 1, blocks: hyper.layers ?? 1 };
    const shapes = parameterShapes(inputSize, this.shape.width, this.shape.blocks);
    const initial = weights ? undefined : initialParameters(shapes, hyper.seed ?? 0);
    this.parameters = new Map(
      shapes.map(([name, shape]) => {
        const values = weights ? weights[name] : initial!.get(name);
        if (values === undefined) throw new Error(`transformer: saved weights lack ${name}`);
        return [name, tf.tidy(() => tf.variable(tf.tensor(values, shape, 'float32')))];
      }),
    );
    this.position = tf.tensor2d(positionalEncoding(hyper.window, this.shape.width), [hyper.window, this.shape.width]);
  }

  async fit(samples: readonly Sample[], options: FitOptions = {}): Promise<{ loss: number }> {
    await tfReady;
    const { window, epochs, learningRate } = this.hyper;
    const flat = new Float32Array(samples.length * window * this.inputSize);
    samples.forEach((s, i) => this.checkWindow(s.window).forEach((row, t) => flat.set(row, (i * window + t) * this.inputSize)));
    const xs = tf.tensor3d(flat, [samples.length, window, this.inputSize]);
    const ys = tf.tensor2d(samples.map((s) => s.up), [samples.length, 1]);
    const optimizer = tf.train.adam(learningRate);
    const variables = [...this.parameters.values()];
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
            const x = tf.gather(xs, indices) as tf.Tensor3D;
            const y = tf.gather(ys, indices);
            const batchLoss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(y, encoderLogits(this.parameters, x, this.position, this.shape)), true, variables);
            return batchLoss!.dataSync()[0]!;
          });
          total += cost * batch.length;
        }
        loss = total / samples.length;
        options.onProgress?.({ epoch, epochs, loss });
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      xs.dispose();
      ys.dispose();
      optimizer.dispose();
    }
    return { loss };
  }

  predict(window: readonly (readonly number[])[]): number {
    const rows = this.checkWindow(window);
    const flat = new Float32Array(rows.length * this.inputSize);
    rows.forEach((row, t) => flat.set(row, t * this.inputSize));
    return tf.tidy(() => {
      const logits = encoderLogits(this.parameters, tf.tensor3d(flat, [1, rows.length, this.inputSize]), this.position, this.shape);
      return tf.sigmoid(logits).dataSync()[0]!;
    });
  }

  save(): SavedModel {
    const weights: TransformerWeights = {};
    for (const [name, variable] of this.parameters) weights[name] = Array.from(variable.dataSync());
    return { kind: this.kind, inputSize: this.inputSize, hyper: this.hyper, weights };
  }

  dispose(): void {
    for (const variable of this.parameters.values()) variable.dispose();
    this.position.dispose();
  }

  private checkWindow(window: readonly (readonly number[])[]): readonly (readonly number[])[] {
    if (window.length !== this.hyper.window || window.some((row) => row.length !== this.inputSize)) {
      throw new Error(`transformer: expected a window of ${this.hyper.window} rows of ${this.inputSize} features, got ${window.length} rows`);
    }
    return window;
  }
}
