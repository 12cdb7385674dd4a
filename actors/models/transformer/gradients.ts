import * as tf from '@tensorflow/tfjs-core';
import type { GradConfig, NamedAttrMap, Tensor } from '@tensorflow/tfjs-core';

/*
 * tfjs-core's Node bundle registers no gradients: the @tensorflow/tfjs union package bundles them in, and tfjs-core's
 * own registration module is ESM that Node cannot load (extensionless imports). These are the gradients of the kernels
 * the encoder and its loss run, written with tfjs ops.
 */

/** Sums a broadcast gradient back to the input's shape. */
function unbroadcast(dy: Tensor, shape: number[]): Tensor {
  const axes = tf.broadcast_util.getReductionAxes(shape, dy.shape);
  return tf.reshape(axes.length > 0 ? tf.sum(dy, axes) : dy, shape);
}

function keepDimShape(x: Tensor, attrs: NamedAttrMap): number[] {
  const axes = tf.util.parseAxisParam(attrs.axis as number | number[], x.shape);
  return x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

function reducedCount(x: Tensor, attrs: NamedAttrMap): number {
  return tf.util.parseAxisParam(attrs.axis as number | number[], x.shape).reduce((n, axis) => n * x.shape[axis]!, 1);
}

function one(dy: Tensor | Tensor[]): Tensor {
  return Array.isArray(dy) ? dy[0]! : dy;
}

const binary = (kernelName: string, grads: (dy: Tensor, a: Tensor, b: Tensor) => [Tensor, Tensor]): GradConfig => ({
  kernelName,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, [a, b]) => {
    const [da, db] = grads(one(dy), a!, b!);
    return { a: () => unbroadcast(da, a!.shape), b: () => unbroadcast(db, b!.shape) };
  },
});

const unary = (kernelName: string, grad: (dy: Tensor, x: Tensor) => Tensor): GradConfig => ({
  kernelName,
  inputsToSave: ['x'],
  gradFunc: (dy, [x]) => ({ x: () => grad(one(dy), x!) }),
});

const GRADIENTS: GradConfig[] = [
  binary(tf.Add, (dy) => [dy, dy]),
  binary(tf.Sub, (dy) => [dy, tf.neg(dy)]),
  binary(tf.Multiply, (dy, a, b) => [tf.mul(dy, b), tf.mul(dy, a)]),
  binary(tf.RealDiv, (dy, a, b) => [tf.div(dy, b), tf.neg(tf.div(tf.mul(dy, a), tf.square(b)))]),
  binary(tf.SquaredDifference, (dy, a, b) => {
    const d = tf.mul(dy, tf.mul(tf.sub(a, b), 2));
    return [d, tf.neg(d)];
  }),
  unary(tf.Neg, (dy) => tf.neg(dy)),
  unary(tf.Cast, (dy) => tf.clone(dy)),
  unary(tf.Abs, (dy, x) => tf.mul(dy, tf.sign(x))),
  unary(tf.Log1p, (dy, x) => tf.div(dy, tf.add(x, 1))),
  unary(tf.Relu, (dy, x) => tf.mul(dy, tf.cast(tf.greater(x, 0), 'float32'))),
  unary(tf.Exp, (dy, x) => tf.mul(dy, tf.exp(x))),
  unary(tf.Sqrt, (dy, x) => tf.div(dy, tf.mul(tf.sqrt(x), 2))),
  unary(tf.Square, (dy, x) => tf.mul(dy, tf.mul(x, 2))),
  {
    kernelName: tf.Reshape,
    inputsToSave: ['x'],
    gradFunc: (dy, [x]) => ({ x: () => tf.reshape(one(dy), x!.shape) }),
  },
  {
    kernelName: tf.Transpose,
    gradFunc: (dy, _saved, attrs) => {
      const perm = attrs.perm as number[];
      const inverse = perm.map((_, i) => perm.indexOf(i));
      return { x: () => tf.transpose(one(dy), inverse) };
    },
  },
  {
    kernelName: tf.Sum,
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => ({ x: () => tf.mul(tf.reshape(one(dy), keepDimShape(x!, attrs)), tf.onesLike(x!)) }),
  },
  {
    kernelName: tf.Mean,
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => ({ x: () => tf.div(tf.mul(tf.reshape(one(dy), keepDimShape(x!, attrs)), tf.onesLike(x!)), reducedCount(x!, attrs)) }),
  },
  {
    kernelName: tf.Softmax,
    outputsToSave: [true],
    gradFunc: (dy, [y], attrs) => {
      const dim = attrs.dim as number;
      return { logits: () => tf.mul(y!, tf.sub(one(dy), tf.sum(tf.mul(one(dy), y!), dim, true))) };
    },
  },
  {
    kernelName: tf.BatchMatMul,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b], attrs) => {
      const g = one(dy);
      const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
      if (!transposeA && !transposeB) return { a: () => tf.matMul(g, b!, false, true), b: () => tf.matMul(a!, g, true, false) };
      if (!transposeA && transposeB) return { a: () => tf.matMul(g, b!, false, false), b: () => tf.matMul(g, a!, true, false) };
      if (transposeA && !transposeB) return { a: () => tf.matMul(b!, g, false, true), b: () => tf.matMul(a!, g, false, false) };
      return { a: () => tf.matMul(b!, g, true, true), b: () => tf.matMul(g, a!, true, true) };
    },
  },
];

/** Registers the gradients once per process (tfjs keeps one global registry). */
export function registerEncoderGradients(): void {
  for (const config of GRADIENTS) {
    if (tf.getGradient(config.kernelName) === undefined) tf.registerGradient(config);
  }
}
