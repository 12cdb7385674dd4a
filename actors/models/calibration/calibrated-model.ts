import { InputError } from '../../runtime/errors.js';
import type { FitOptions, Model, SavedModel } from '../model.js';
import type { Sample } from '../sample.js';
import { applyPlatt, fitPlatt, type PlattScaling } from './platt.js';

/** The share of the training samples, the most recent ones, that the calibrator is fitted on instead of the inner model. */
export const CALIBRATION_SHARE = 0.2;

/**
 * Any model with Platt-scaled output. `fit` fits the inner model on the earlier 80% of the samples (in time order)
 * and the scaling on the inner model's P(up) for the last 20%, which it never trained on; `predict` is the scaled
 * inner P(up). Nothing outside the samples given to `fit` is seen.
 */
export class CalibratedModel implements Model {
  constructor(
    private readonly inner: Model,
    private calibration?: PlattScaling,
  ) {}

  get kind() {
    return this.inner.kind;
  }
  get inputSize() {
    return this.inner.inputSize;
  }
  get hyper() {
    return this.inner.hyper;
  }

  async fit(samples: readonly Sample[], options: FitOptions = {}): Promise<{ loss: number }> {
    const held = Math.floor(samples.length * CALIBRATION_SHARE);
    if (held < 1) throw new InputError(`samples: calibration holds out the last ${CALIBRATION_SHARE * 100}% of the training samples; ${samples.length} are too few (give at least ${Math.ceil(1 / CALIBRATION_SHARE)} or set calibrate: false)`);
    for (let i = 1; i < samples.length; i++) {
      if (samples[i]!.ts < samples[i - 1]!.ts) throw new Error(`calibrated ${this.kind}: samples must be in time order (sample ${i} is older than sample ${i - 1})`);
    }
    const cut = samples.length - held;
    const result = await this.inner.fit(samples.slice(0, cut), options);
    const heldOut = samples.slice(cut);
    this.calibration = fitPlatt(
      heldOut.map((s) => this.inner.predict(s.window)),
      heldOut.map((s) => s.up),
    );
    return result;
  }

  predict(window: readonly (readonly number[])[]): number {
    if (this.calibration === undefined) throw new Error(`calibrated ${this.kind}: predict before fit`);
    return applyPlatt(this.calibration, this.inner.predict(window));
  }

  save(): SavedModel {
    if (this.calibration === undefined) throw new Error(`calibrated ${this.kind}: save before fit`);
    return { ...this.inner.save(), calibration: { ...this.calibration } };
  }

  dispose(): void {
    this.inner.dispose();
  }
}
