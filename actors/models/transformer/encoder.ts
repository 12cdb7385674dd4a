import { tf } from './tfjs.js';

export type Parameters = ReadonlyMap<string, tf.Tensor>;

export interface EncoderShape {
  width: number;
  heads: number;
  blocks: number;
}

/** Constants of one window length: the positional encoding [length × width] and the mean-pooling matrix [length·width × width]. */
export interface EncoderConstants {
  position: tf.Tensor2D;
  pool: tf.Tensor2D;
}

/*
 * Written so that every elementwise op either has equal shapes or broadcasts along leading axes only: the CPU
 * backend does those in a flat loop, but indexes element by element for any other broadcast (a [n × 1] statistic)
 * and for transposes. Row statistics are spread across their row by a product with ones, heads are separate
 * matrices, and mean pooling is a product with stacked identities.
 */

function param(p: Parameters, name: string): tf.Tensor {
  const t = p.get(name);
  if (t === undefined) throw new Error(`transformer: no parameter ${name}`);
  return t;
}

/** x [n × in] · w [in × out] (+ b). */
function dense(p: Parameters, name: string, x: tf.Tensor2D, bias = true): tf.Tensor2D {
  const product = tf.matMul(x, param(p, `${name}.w`) as tf.Tensor2D) as tf.Tensor2D;
  return bias ? tf.add<tf.Tensor2D>(product, param(p, `${name}.b`) as tf.Tensor1D) : product;
}

/** A row statistic v [rows] repeated across `columns`: [rows × columns]. */
function acrossRows(v: tf.Tensor1D, columns: number): tf.Tensor2D {
  return tf.matMul(tf.reshape(v, [v.shape[0], 1]) as tf.Tensor2D, tf.ones([1, columns]));
}

function layerNorm(p: Parameters, name: string, x: tf.Tensor2D): tf.Tensor2D {
  const width = x.shape[1];
  const centred = tf.sub(x, acrossRows(tf.mean(x, -1), width));
  const variance = acrossRows(tf.mean(tf.square(centred), -1), width);
  const normalised = tf.div(centred, tf.sqrt(tf.add(variance, 1e-5)));
  return tf.add<tf.Tensor2D>(tf.mul(normalised, param(p, `${name}.gamma`)), param(p, `${name}.beta`));
}

/** Softmax over the last axis of scores [rows × length]. */
function softmaxRows(scores: tf.Tensor2D): tf.Tensor2D {
  // Scores are clipped so exp cannot overflow without the usual max subtraction.
  const e = tf.exp(tf.clipByValue(scores, -30, 30));
  return tf.div(e, acrossRows(tf.sum(e, -1), scores.shape[1]));
}

/** Multi-head self-attention over h [batch·length × width]: the sum over heads of softmax(q kᵀ/√d) v · Wo. */
function selfAttention(p: Parameters, name: string, h: tf.Tensor2D, batch: number, length: number, { heads, width }: EncoderShape): tf.Tensor2D {
  const depth = width / heads;
  let out: tf.Tensor2D | undefined;
  for (let i = 0; i < heads; i++) {
    const head = `${name}.head${i}`;
    const q = tf.reshape(dense(p, `${head}.q`, h), [batch, length, depth]) as tf.Tensor3D;
    const k = tf.reshape(dense(p, `${head}.k`, h), [batch, length, depth]) as tf.Tensor3D;
    const v = tf.reshape(dense(p, `${head}.v`, h), [batch, length, depth]) as tf.Tensor3D;
    const scores = tf.reshape(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(depth)), [batch * length, length]) as tf.Tensor2D;
    const attention = tf.reshape(softmaxRows(scores), [batch, length, length]) as tf.Tensor3D;
    const context = tf.reshape(tf.matMul(attention, v), [batch * length, depth]) as tf.Tensor2D;
    const projected = dense(p, `${head}.o`, context, false);
    out = out === undefined ? projected : tf.add<tf.Tensor2D>(out, projected);
  }
  return tf.add<tf.Tensor2D>(out!, param(p, `${name}.o.b`));
}

/** Positional encoding and pooling matrix for windows of `length` bars. */
export function encoderConstants(length: number, width: number, position: Float32Array): EncoderConstants {
  const pool = new Float32Array(length * width * width);
  for (let t = 0; t < length; t++) for (let j = 0; j < width; j++) pool[(t * width + j) * width + j] = 1 / length;
  return { position: tf.tensor2d(position, [length, width]), pool: tf.tensor2d(pool, [length * width, width]) };
}

/**
 * The encoder's logit of P(up) for each window in x [batch, length, features]: input projection plus the positional
 * encoding, then per block self-attention + residual + layer norm and a ReLU feed-forward + residual + layer norm,
 * then the mean over positions and a dense layer to one logit: [batch × 1].
 */
export function encoderLogits(p: Parameters, x: tf.Tensor3D, constants: EncoderConstants, shape: EncoderShape): tf.Tensor2D {
  const [batch, length, features] = x.shape;
  const { width } = shape;
  const projected = dense(p, 'input', tf.reshape(x, [batch * length, features]) as tf.Tensor2D);
  let h = tf.reshape(tf.add(tf.reshape(projected, [batch, length, width]), constants.position), [batch * length, width]) as tf.Tensor2D;
  for (let b = 0; b < shape.blocks; b++) {
    h = layerNorm(p, `block${b}.norm1`, tf.add<tf.Tensor2D>(h, selfAttention(p, `block${b}`, h, batch, length, shape)));
    const ff = dense(p, `block${b}.ff2`, tf.relu(dense(p, `block${b}.ff1`, h)));
    h = layerNorm(p, `block${b}.norm2`, tf.add<tf.Tensor2D>(h, ff));
  }
  const pooled = tf.matMul(tf.reshape(h, [batch, length * width]) as tf.Tensor2D, constants.pool) as tf.Tensor2D;
  return dense(p, 'output', pooled);
}
