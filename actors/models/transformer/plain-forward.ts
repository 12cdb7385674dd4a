import type { EncoderShape } from './encoder.js';

/** The encoder's weights as plain arrays, by the names of `parameterShapes`. */
export type PlainWeights = ReadonlyMap<string, Float32Array>;

function weight(w: PlainWeights, name: string): Float32Array {
  const v = w.get(name);
  if (v === undefined) throw new Error(`transformer: no parameter ${name}`);
  return v;
}

/** a [rows × inner] · b [inner × cols] (+ bias [cols]). */
function product(a: ArrayLike<number>, rows: number, inner: number, b: ArrayLike<number>, cols: number, bias?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let sum = bias ? bias[j]! : 0;
      for (let k = 0; k < inner; k++) sum += a[i * inner + k]! * b[k * cols + j]!;
      out[i * cols + j] = sum;
    }
  }
  return out;
}

/** Layer norm of each row of x + residual [rows × width], in place in x. */
function addAndNormalise(x: Float64Array, residual: Float64Array, rows: number, width: number, gamma: Float32Array, beta: Float32Array): void {
  for (let i = 0; i < rows; i++) {
    let mean = 0;
    for (let j = 0; j < width; j++) mean += x[i * width + j]! + residual[i * width + j]!;
    mean /= width;
    let variance = 0;
    for (let j = 0; j < width; j++) variance += (x[i * width + j]! + residual[i * width + j]! - mean) ** 2;
    const scale = 1 / Math.sqrt(variance / width + 1e-5);
    for (let j = 0; j < width; j++) x[i * width + j] = (x[i * width + j]! + residual[i * width + j]! - mean) * scale * gamma[j]! + beta[j]!;
  }
}

/**
 * P(up) for one window, computed in plain JavaScript with the same arithmetic as `encoderLogits` (test/models checks
 * they agree): one window through tfjs's CPU kernels costs about a hundred kernel calls, too slow for the actor path.
 */
export function plainProbability(w: PlainWeights, window: readonly (readonly number[])[], position: Float32Array, { width, heads, blocks }: EncoderShape): number {
  const length = window.length;
  const features = window[0]!.length;
  const depth = width / heads;
  const h = product(window.flat(), length, features, weight(w, 'input.w'), width, weight(w, 'input.b'));
  for (let i = 0; i < h.length; i++) h[i] = h[i]! + position[i]!;
  for (let b = 0; b < blocks; b++) {
    const attention = new Float64Array(length * width);
    for (let head = 0; head < heads; head++) {
      const name = `block${b}.head${head}`;
      const q = product(h, length, width, weight(w, `${name}.q.w`), depth, weight(w, `${name}.q.b`));
      const k = product(h, length, width, weight(w, `${name}.k.w`), depth, weight(w, `${name}.k.b`));
      const v = product(h, length, width, weight(w, `${name}.v.w`), depth, weight(w, `${name}.v.b`));
      const scores = new Float64Array(length * length);
      for (let i = 0; i < length; i++) {
        let sum = 0;
        for (let j = 0; j < length; j++) {
          let dot = 0;
          for (let d = 0; d < depth; d++) dot += q[i * depth + d]! * k[j * depth + d]!;
          const e = Math.exp(Math.min(30, Math.max(-30, dot / Math.sqrt(depth))));
          scores[i * length + j] = e;
          sum += e;
        }
        for (let j = 0; j < length; j++) scores[i * length + j] = scores[i * length + j]! / sum;
      }
      const projected = product(product(scores, length, length, v, depth), length, depth, weight(w, `${name}.o.w`), width);
      for (let i = 0; i < attention.length; i++) attention[i] = attention[i]! + projected[i]!;
    }
    const outBias = weight(w, `block${b}.o.b`);
    for (let i = 0; i < attention.length; i++) attention[i] = attention[i]! + outBias[i % width]!;
    addAndNormalise(h, attention, length, width, weight(w, `block${b}.norm1.gamma`), weight(w, `block${b}.norm1.beta`));
    const hidden = product(h, length, width, weight(w, `block${b}.ff1.w`), 2 * width, weight(w, `block${b}.ff1.b`));
    for (let i = 0; i < hidden.length; i++) hidden[i] = Math.max(0, hidden[i]!);
    const ff = product(hidden, length, 2 * width, weight(w, `block${b}.ff2.w`), width, weight(w, `block${b}.ff2.b`));
    addAndNormalise(h, ff, length, width, weight(w, `block${b}.norm2.gamma`), weight(w, `block${b}.norm2.beta`));
  }
  const pooled = new Float64Array(width);
  for (let i = 0; i < length; i++) for (let j = 0; j < width; j++) pooled[j] = pooled[j]! + h[i * width + j]! / length;
  const logit = product(pooled, 1, width, weight(w, 'output.w'), 1, weight(w, 'output.b'))[0]!;
  return 1 / (1 + Math.exp(-logit));
}
