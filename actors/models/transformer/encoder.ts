import { tf } from './tfjs.js';

export type Parameters = ReadonlyMap<string, tf.Tensor>;

export interface EncoderShape {
  width: number;
  heads: number;
  blocks: number;
}

function param(p: Parameters, name: string): tf.Tensor {
  const t = p.get(name);
  if (t === undefined) throw new Error(`transformer: no parameter ${name}`);
  return t;
}

/** x [n × in] · w [in × out] + b. */
function dense(p: Parameters, name: string, x: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.matMul(x, param(p, `${name}.w`) as tf.Tensor2D), param(p, `${name}.b`));
}

function layerNorm(p: Parameters, name: string, x: tf.Tensor2D): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  const normalised = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5)));
  return tf.add(tf.mul(normalised, param(p, `${name}.gamma`)), param(p, `${name}.beta`));
}

/** Multi-head self-attention over h [batch·length × width]. */
function selfAttention(p: Parameters, name: string, h: tf.Tensor2D, batch: number, length: number, { width, heads }: EncoderShape): tf.Tensor2D {
  const depth = width / heads;
  // [batch·length × width] → [batch, heads, length, depth]
  const split = (x: tf.Tensor2D) => tf.transpose(tf.reshape(x, [batch, length, heads, depth]), [0, 2, 1, 3]) as tf.Tensor4D;
  const q = split(dense(p, `${name}.q`, h));
  const k = split(dense(p, `${name}.k`, h));
  const v = split(dense(p, `${name}.v`, h));
  const attention = tf.softmax(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(depth)));
  const context = tf.reshape(tf.transpose(tf.matMul(attention, v), [0, 2, 1, 3]), [batch * length, width]) as tf.Tensor2D;
  return dense(p, `${name}.o`, context);
}

/**
 * The encoder's logit of P(up) for each window in x [batch, length, features]: input projection plus the positional
 * encoding `position` [length × width], then per block self-attention + residual + layer norm and a ReLU
 * feed-forward + residual + layer norm, then the mean over positions and a dense layer to one logit: [batch × 1].
 */
export function encoderLogits(p: Parameters, x: tf.Tensor3D, position: tf.Tensor2D, shape: EncoderShape): tf.Tensor2D {
  const [batch, length, features] = x.shape;
  const projected = dense(p, 'input', tf.reshape(x, [batch * length, features]) as tf.Tensor2D);
  let h = tf.reshape(tf.add(tf.reshape(projected, [batch, length, shape.width]), position), [batch * length, shape.width]) as tf.Tensor2D;
  for (let b = 0; b < shape.blocks; b++) {
    h = layerNorm(p, `block${b}.norm1`, tf.add(h, selfAttention(p, `block${b}`, h, batch, length, shape)));
    const ff = dense(p, `block${b}.ff2`, tf.relu(dense(p, `block${b}.ff1`, h)));
    h = layerNorm(p, `block${b}.norm2`, tf.add(h, ff));
  }
  const pooled = tf.mean(tf.reshape(h, [batch, length, shape.width]), 1) as tf.Tensor2D;
  return dense(p, 'output', pooled);
}
