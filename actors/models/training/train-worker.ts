import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../../runtime/errors.js';
import type { ModelFactory } from './model-factory.js';
import { runTrainJob } from './run-train-job.js';
import type { TrainJob, TrainMessage } from './train-job.js';

/** The training worker: runs one TrainJob (its workerData), posting progress, then the result or the error. */
const port = parentPort;
if (!port) throw new Error('train-worker runs inside a worker thread');
const job = workerData as TrainJob;
const post = (m: TrainMessage) => port.postMessage(m);

async function factory(): Promise<ModelFactory> {
  if (job.factory) {
    const module = (await import(job.factory.module)) as { modelFactory(data: unknown): ModelFactory };
    return module.modelFactory(job.factory.data);
  }
  // Loaded only here: a double's worker never starts the Transformer's tfjs backend.
  return (await import('../create-model.js')).createModel;
}

try {
  const result = await runTrainJob(job, await factory(), (progress) => post({ kind: 'progress', progress }));
  post({ kind: 'done', result });
} catch (err) {
  const e = err instanceof Error ? err : new Error(String(err));
  post({ kind: 'failed', error: { name: e.name, message: e instanceof InputError ? e.shortMessage : e.message, issues: e instanceof InputError ? e.issues : undefined, stack: e.stack } });
}
