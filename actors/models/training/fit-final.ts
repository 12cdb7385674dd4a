import type { Hyperparameters, ModelKind } from '../model.js';
import { fitScaler } from '../scaler.js';
import { buildSamples, sampleRows } from '../evaluation/build-samples.js';
import type { ModelSeries } from '../evaluation/model-series.js';
import type { ModelFactory, TrainingProgress } from './model-factory.js';
import type { FinalFit } from './train-job.js';

export interface FinalFitOptions {
  kind: ModelKind;
  hyper: Hyperparameters;
  /** Training samples, as in each walk-forward fold. */
  trainBars: number;
  createModel: ModelFactory;
  /** Progress is reported as fold `folds + 1` of `folds`. */
  folds: number;
  onProgress?: (progress: TrainingProgress) => void;
}

/**
 * The model to store: fitted like a walk-forward fold on the most recent `trainBars` samples whose next bar is in the
 * data, scaled with a scaler fitted on exactly the rows those samples read.
 */
export async function fitFinal(series: ModelSeries, opts: FinalFitOptions): Promise<FinalFit> {
  const { window } = opts.hyper;
  const trainTo = series.ts.length - 1;
  const trainFrom = Math.max(window - 1, trainTo - opts.trainBars);
  const scaler = fitScaler(series.values.slice(trainFrom - window + 1, trainTo + 1));
  const samples = buildSamples(series, sampleRows(series, trainFrom, trainTo - 1, window), window, scaler);
  const model = await opts.createModel(opts.kind, series.features.length, opts.hyper);
  await model.fit(samples, { onProgress: (p) => opts.onProgress?.({ stage: 'final', fold: opts.folds + 1, folds: opts.folds, ...p }) });
  const saved = model.save();
  model.dispose();
  return { saved, scaler, trainStart: series.ts[trainFrom]!, trainEnd: series.ts[trainTo]!, samples: samples.length };
}
