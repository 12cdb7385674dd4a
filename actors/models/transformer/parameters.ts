import { seededRandom } from '../seeded-random.js';

/**
 * Every weight of the encoder by name, with its shape, in a fixed order (the order `save` writes). Each attention
 * head has its own query, key, value and output matrices (`width × width/heads`, and back), which is the usual
 * concatenated-heads layer cut along its columns.
 */
export function parameterShapes(inputSize: number, width: number, heads: number, blocks: number): [string, number[]][] {
  const depth = width / heads;
  const feedForward = 2 * width;
  const shapes: [string, number[]][] = [
    ['input.w', [inputSize, width]],
    ['input.b', [width]],
  ];
  for (let b = 0; b < blocks; b++) {
    for (let h = 0; h < heads; h++) {
      for (const m of ['q', 'k', 'v']) shapes.push([`block${b}.head${h}.${m}.w`, [width, depth]], [`block${b}.head${h}.${m}.b`, [depth]]);
      shapes.push([`block${b}.head${h}.o.w`, [depth, width]]);
    }
    shapes.push([`block${b}.o.b`, [width]]);
    shapes.push([`block${b}.norm1.gamma`, [width]], [`block${b}.norm1.beta`, [width]]);
    shapes.push([`block${b}.ff1.w`, [width, feedForward]], [`block${b}.ff1.b`, [feedForward]]);
    shapes.push([`block${b}.ff2.w`, [feedForward, width]], [`block${b}.ff2.b`, [width]]);
    shapes.push([`block${b}.norm2.gamma`, [width]], [`block${b}.norm2.beta`, [width]]);
  }
  shapes.push(['output.w', [width, 1]], ['output.b', [1]]);
  return shapes;
}

/** Glorot-uniform matrices, zero biases and betas, unit gammas, drawn from `seed`. */
export function initialParameters(shapes: readonly [string, number[]][], seed: number): Map<string, Float32Array> {
  const random = seededRandom(seed);
  const values = new Map<string, Float32Array>();
  for (const [name, shape] of shapes) {
    const size = shape.reduce((a, b) => a * b, 1);
    const v = new Float32Array(size);
    if (shape.length === 2) {
      const limit = Math.sqrt(6 / (shape[0]! + shape[1]!));
      for (let i = 0; i < size; i++) v[i] = (2 * random() - 1) * limit;
    } else if (name.endsWith('.gamma')) {
      v.fill(1);
    }
    values.set(name, v);
  }
  return values;
}
