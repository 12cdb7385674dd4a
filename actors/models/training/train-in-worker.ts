import { startWorker } from '../../runtime/workers/start-worker.js';
import { InputError } from '../../runtime/errors.js';
import type { TrainingProgress } from './model-factory.js';
import type { TrainJob, TrainMessage, TrainResult } from './train-job.js';

export interface TrainInWorkerOptions {
  /** Each epoch of each fold, then of the final fit. */
  onProgress?: (progress: TrainingProgress) => void;
}

/**
 * Runs the walk-forward evaluation and the final fit on a worker thread, never on the caller's: the caller's event
 * loop (the actor system, a progress bar) keeps running. A bad input comes back as an InputError, any other failure
 * as an Error with the worker's name, message and stack.
 */
export function trainInWorker(job: TrainJob, opts: TrainInWorkerOptions = {}): Promise<TrainResult> {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const worker = startWorker(new URL(`./train-worker${ext}`, import.meta.url), job);
  return new Promise<TrainResult>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: TrainMessage) => {
      if (m.kind === 'progress') opts.onProgress?.(m.progress);
      else if (m.kind === 'done') settle(() => resolve(m.result));
      else settle(() => reject(rebuild(m.error)));
    });
    worker.on('error', (err) => settle(() => reject(new Error(`the training worker crashed: ${err.message}`, { cause: err }))));
    worker.on('exit', (code) => settle(() => reject(new Error(`the training worker exited (code ${code}) before it finished`))));
  });
}

function rebuild(error: Extract<TrainMessage, { kind: 'failed' }>['error']): Error {
  if (error.name === 'InputError') return new InputError(error.message, error.issues ?? []);
  return Object.assign(new Error(error.message), { name: error.name, stack: error.stack });
}
