import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFeatureMatrix } from '../../../actors/features/build-feature-matrix.js';
import { toModelSeries } from '../../../actors/models/evaluation/model-series.js';
import type { TrainingProgress } from '../../../actors/models/training/model-factory.js';
import type { TrainJob } from '../../../actors/models/training/train-job.js';
import { trainInWorker } from '../../../actors/models/training/train-in-worker.js';
import { InputError } from '../../../actors/runtime/errors.js';
import type { DoubleSpec } from '../../support/model-doubles.js';
import { randomWalkCandles } from '../../support/synthetic-candles.js';

const MINUTE = 60_000;
const candles = randomWalkCandles(900, 5);
const series = toModelSeries(buildFeatureMatrix(candles, { timeframeMs: MINUTE }), candles, MINUTE);
const DOUBLES = new URL('../../support/model-doubles.ts', import.meta.url).href;

function job(spec: DoubleSpec, over: Partial<TrainJob> = {}): TrainJob {
  return { series, kind: 'lstm', hyper: { window: 4, hidden: 2, epochs: 3, learningRate: 0.01 }, trainBars: 300, testBars: 200, fee: 0.001, factory: { module: DOUBLES, data: spec }, ...over };
}

test("training runs on another thread: the caller's timers keep firing while the model's fit blocks its own thread", { timeout: 60_000 }, async () => {
  // The double's first fit blocks its thread until this thread has counted five ticks: were it this thread, nothing would tick and the test would time out.
  const gate = new SharedArrayBuffer(4);
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
    if (ticks === 5) {
      Atomics.store(new Int32Array(gate), 0, 1);
      Atomics.notify(new Int32Array(gate), 0);
    }
  }, 1);
  const progress: TrainingProgress[] = [];
  try {
    const result = await trainInWorker(job({ double: 'waits', gate }), { onProgress: (p) => progress.push(p) });
    assert.ok(ticks >= 5);
    assert.equal(result.report.folds.length, 2);
    assert.equal(result.final.saved.kind, 'lstm');
    assert.ok(result.final.scaler.min.length === series.features.length);
  } finally {
    clearInterval(timer);
  }
  assert.deepEqual(
    progress.map((p) => `${p.stage} ${p.fold}/${p.folds} epoch ${p.epoch}/${p.epochs}`),
    ['fold 1/2', 'fold 2/2', 'final 3/2'].flatMap((f) => [1, 2, 3].map((e) => `${f} epoch ${e}/3`)),
    'every epoch of every fold, then of the final fit, in order',
  );
});

test('bad input in the worker comes back as an InputError naming the flag', async () => {
  await assert.rejects(trainInWorker(job({ double: 'coin-flip' }, { trainBars: 5_000 })), (err: unknown) => {
    assert.ok(err instanceof InputError, `an InputError, got ${String(err)}`);
    assert.match(err.message, /--train-bars 5000 --test-bars 200: the data has \d+ feature rows/);
    return true;
  });
});

test("any other failure comes back as an error with the worker's name and message", async () => {
  await assert.rejects(trainInWorker(job({ double: 'fails', message: 'weights went NaN' })), (err: unknown) => {
    assert.ok(err instanceof Error && !(err instanceof InputError));
    assert.equal(err.name, 'RangeError');
    assert.equal(err.message, 'weights went NaN');
    return true;
  });
});
