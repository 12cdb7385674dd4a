import { walkForward } from '../evaluation/walk-forward.js';
import { fitFinal } from './fit-final.js';
import type { ModelFactory, TrainingProgress } from './model-factory.js';
import type { TrainJob, TrainResult } from './train-job.js';

/** The walk-forward evaluation, then the final fit on the last training window: what the training worker runs. */
export async function runTrainJob(job: TrainJob, createModel: ModelFactory, onProgress?: (progress: TrainingProgress) => void): Promise<TrainResult> {
  const outcome = await walkForward(job.series, { ...job, createModel, onProgress });
  const final = await fitFinal(job.series, { kind: job.kind, hyper: job.hyper, trainBars: job.trainBars, createModel, folds: outcome.report.folds.length, onProgress });
  return { ...outcome, final };
}
