import * as tf from '@tensorflow/tfjs-core';
import type { GradConfig, NamedAttrMap, Tensor } from '@tensorflow/tfjs-core';

/*
 * tfjs-core's Node bundle registers no gradients: the @tensorflow/tfjs union package bundles them in, and tfjs-core's
 * own registration module is ESM that Node cannot load (extensionless imports). These are the gradients of the kernels
 * the encoder and its loss run, written with tfjs ops.
 */

/**
 * Sums a broadcast gradient back to the input's shape. Broadcasting along leading axes (a bias) sums with a product
 * by ones: the CPU backend's sum over a leading axis transposes element by element first.
 */
function unbroadcast(dy: Tensor, shape: number[]): Tensor {
  const axes = tf.broadcast_util.getReductionAxes(shape, dy.shape);
  if (axes.length === 0) return tf.reshape(dy, shape);
  const leading = dy.shape.length - shape.length;
  if (axes.length === leading && axes.every((axis, i) => axis === i)) {
    const rows = dy.shape.slice(0, leading).reduce((a, b) => a * b, 1);
    const flat = tf.reshape(dy, [rows, dy.size / rows]) as tf.Tensor2D;
    return tf.reshape(tf.matMul(tf.ones([1, rows]), flat), shape);
  }
  return tf.reshape(tf.sum(dy, axes), shape);
}

/**
 * dy of a reduction of x over `attrs.axis`, repeated over the reduced axes (divided by their size for a mean). When
 * those are the trailing axes, the repeat is a product with ones rather than an element-by-element broadcast.
 */
function spreadReduction(dy: Tensor, x: Tensor, attrs: NamedAttrMap, mean: boolean): Tensor {
  const axes = tf.util.parseAxisParam(attrs.axis as number | number[], x.shape);
  const reduced = axes.reduce((n, axis) => n * x.shape[axis]!, 1);
  const scaled = mean ? tf.div(dy, reduced) : dy;
  const trailing = axes.every((axis) => axis >= x.shape.length - axes.length);
  if (trailing) {
    const kept = x.size / reduced;
    return tf.reshape(tf.matMul(tf.reshape(scaled, [kept, 1]) as tf.Tensor2D, tf.ones([1, reduced])), x.shape);
  }
  return tf.mul(tf.reshape(scaled, x.shape.map((d, i) => (axes.includes(i) ? 1 : d))), tf.onesLike(x));
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
    kernelName: tf.ClipByValue,
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => {
      const inside = tf.logicalAnd(tf.greaterEqual(x!, attrs.clipValueMin as number), tf.lessEqual(x!, attrs.clipValueMax as number));
      return { x: () => tf.mul(one(dy), tf.cast(inside, 'float32')) };
    },
  },
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
    gradFunc: (dy, [x], attrs) => ({ x: () => spreadReduction(one(dy), x!, attrs, false) }),
  },
  {
    kernelName: tf.Mean,
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => ({ x: () => spreadReduction(one(dy), x!, attrs, true) }),
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
