/**
 * Training throughput of each model kind at its default hyperparameters on 500 BTC-week samples (samples × epochs
 * per second), against a floor in the same run: logistic regression on the same flattened windows by plain SGD,
 * the cheapest model that reads every value of every window once per epoch. `walkForwardSeconds` is what training the default
 * walk-forward (eight folds of 1,500 samples, the default epochs) would take at that rate.
 */
import { createModel } from '../actors/models/create-model.js';
import { defaultHyperparameters } from '../actors/models/hyper-params.js';
import { MODEL_KINDS } from '../actors/models/model.js';
import type { Sample } from '../actors/models/sample.js';
import { weekSamples } from './model-samples.js';

const SAMPLES = 500;
const EPOCHS = 2;
const WALK_FORWARD_SAMPLES = 8 * 1_500;

function logisticFloorPerSec(samples: readonly Sample[], epochs: number): number {
  const size = samples[0]!.window.length * samples[0]!.window[0]!.length;
  const w = new Float64Array(size);
  const t0 = performance.now();
  for (let e = 0; e < epochs; e++) {
    for (const s of samples) {
      let z = 0;
      let k = 0;
      for (const row of s.window) for (const v of row) z += v * w[k++]!;
      const g = 1 / (1 + Math.exp(-z)) - s.up;
      k = 0;
      for (const row of s.window) {
        for (const v of row) {
          w[k] = w[k]! - 0.01 * g * v;
          k++;
        }
      }
    }
  }
  return (samples.length * epochs) / ((performance.now() - t0) / 1000);
}

export async function benchModelTraining(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { samples: SAMPLES, epochs: EPOCHS };
  for (const kind of MODEL_KINDS) {
    const defaults = defaultHyperparameters(kind);
    const hyper = { ...defaults, epochs: EPOCHS };
    const { samples, features } = weekSamples(hyper.window, SAMPLES);
    const floorPerSec = Math.max(logisticFloorPerSec(samples, EPOCHS), logisticFloorPerSec(samples, EPOCHS));
    const model = createModel(kind, features, hyper);
    const t0 = performance.now();
    const { loss } = await model.fit(samples);
    const seconds = (performance.now() - t0) / 1000;
    model.dispose();
    const samplesPerSec = (SAMPLES * EPOCHS) / seconds;
    out[kind] = { hyper, samplesPerSec, loss, floorSamplesPerSec: floorPerSec, ratio: samplesPerSec / floorPerSec, walkForwardSeconds: (WALK_FORWARD_SAMPLES * defaults.epochs) / samplesPerSec };
  }
  return out;
}
