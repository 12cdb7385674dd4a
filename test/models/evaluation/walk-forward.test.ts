import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFeatureMatrix } from '../../../actors/features/build-feature-matrix.js';
import type { Hyperparameters, Model, ModelKind } from '../../../actors/models/model.js';
import type { Sample } from '../../../actors/models/sample.js';
import { toModelSeries, type ModelSeries } from '../../../actors/models/evaluation/model-series.js';
import { planFolds } from '../../../actors/models/evaluation/plan-folds.js';
import { walkForward } from '../../../actors/models/evaluation/walk-forward.js';
import type { Candle } from '../../../actors/market-data/types.js';
import { CoinFlipModel } from '../../support/coin-flip-model.js';
import { PatternTableModel } from '../../support/pattern-table-model.js';
import { periodEightCandles, randomWalkCandles } from '../../support/synthetic-candles.js';

const MINUTE = 60_000;
const hyper: Hyperparameters = { window: 4, hidden: 2, epochs: 1, learningRate: 0.01 };
const seriesOf = (candles: Candle[]) => toModelSeries(buildFeatureMatrix(candles, { timeframeMs: MINUTE }), candles, MINUTE);

/** A coin-flip model that keeps every sample it was fitted on and every window it was asked about. */
function recording() {
  const fits: Sample[][] = [];
  const asked: number[][][][] = [];
  const createModel = (kind: ModelKind, inputSize: number, h: Hyperparameters): Model => {
    const model = new CoinFlipModel(kind, inputSize, h);
    const windows: number[][][] = [];
    asked.push(windows);
    return Object.assign(model, {
      fit: (samples: readonly Sample[]) => {
        fits.push(structuredClone([...samples]));
        return Promise.resolve({ loss: 0 });
      },
      predict: (window: readonly (readonly number[])[]) => {
        windows.push(window.map((r) => [...r]));
        return 0.5;
      },
    });
  };
  return { fits, asked, createModel };
}

test('the model inputs leave out the raw close and say which features were used', () => {
  const series = seriesOf(randomWalkCandles(200, 1));
  assert.ok(!series.features.some((f) => f.name === 'close'));
  assert.ok(series.features.some((f) => f.name === 'log_return'));
  assert.equal(series.values[0]!.length, series.features.length);
});

test('the scaler is fitted on training rows only: changing every test row changes no training sample, only the test windows', async () => {
  const series = seriesOf(randomWalkCandles(700, 2));
  const windows = { trainBars: 300, testBars: 200 };
  const [fold] = planFolds(series.ts.length, windows, hyper.window);
  const opts = { ...windows, kind: 'lstm' as const, hyper, fee: 0.001 };

  const plain = recording();
  await walkForward(series, { ...opts, createModel: plain.createModel });
  const shocked: ModelSeries = { ...series, values: series.values.map((row, i) => (i >= fold!.testFrom ? row.map((v) => v * 1_000 + 7) : row)) };
  const changed = recording();
  await walkForward(shocked, { ...opts, createModel: changed.createModel });

  assert.ok(plain.fits[0]!.length > 250, 'the first fold trained');
  assert.deepEqual(changed.fits[0], plain.fits[0], 'the training samples (and so the scaler) never saw a test row');
  assert.notDeepEqual(changed.asked[0], plain.asked[0], 'the test windows did change: the check can fail');
  for (const s of plain.fits[0]!) for (const v of [...s.window.flat(), ...s.next]) assert.ok(v >= 0 && v <= 1);
});

test('no test label is trained on: every training label bar is at or before trainEnd, and trainEnd is before the first test bar', async () => {
  const series = seriesOf(randomWalkCandles(1_000, 3));
  const rec = recording();
  const { report } = await walkForward(series, { trainBars: 300, testBars: 150, kind: 'gru', hyper, fee: 0.001, createModel: rec.createModel });
  assert.equal(report.folds.length, 4);
  report.folds.forEach((f, k) => {
    const lastLabel = Math.max(...rec.fits[k]!.map((s) => s.ts + MINUTE));
    assert.ok(lastLabel <= f.trainEnd && f.trainEnd < f.testStart, `fold ${k}: last label ${lastLabel}, train end ${f.trainEnd}, test start ${f.testStart}`);
    if (k > 0) assert.ok(f.testStart > report.folds[k - 1]!.testEnd && f.trainStart > report.folds[k - 1]!.trainStart, 'in time order');
  });
  const tested = report.predictions.map((p) => p.ts);
  assert.deepEqual(tested, [...tested].sort((a, b) => a - b), 'predictions in time order');
  assert.equal(new Set(tested).size, tested.length, 'each test bar once');
});

test('a series with a learnable cycle gets a model that learns it enabled; persistence is right 75% of the time', async () => {
  const series = seriesOf(periodEightCandles(1_600));
  const { report } = await walkForward(series, { trainBars: 400, testBars: 300, kind: 'lstm', hyper: { ...hyper, window: 8 }, fee: 0.001, createModel: (k, n, h) => new PatternTableModel(k, n, h) });
  assert.ok(report.outOfSample.samples >= 900);
  assert.ok(Math.abs(report.baselines.persistence!.accuracy - 0.75) < 0.01, `persistence ${report.baselines.persistence!.accuracy}`);
  assert.equal(report.bestBaseline, 'persistence');
  assert.ok(report.outOfSample.accuracy > 0.95, `the table learned the cycle: ${report.outOfSample.accuracy}`);
  assert.equal(report.enabled, true, report.reason);
  assert.match(report.reason, /significantly better/);
  assert.ok(report.outOfSample.pnl > report.baselines.persistence!.pnl);
});

test('a coin flip on a driftless random walk comes out at 50% within three standard errors, and disabled', async () => {
  const series = seriesOf(randomWalkCandles(3_000, 4));
  const { report } = await walkForward(series, { trainBars: 500, testBars: 500, kind: 'transformer', hyper, fee: 0.001, createModel: (k, n, h) => new CoinFlipModel(k, n, h, 11) });
  const n = report.outOfSample.samples;
  assert.ok(n >= 2_000);
  assert.ok(Math.abs(report.outOfSample.accuracy - 0.5) < 3 * Math.sqrt(0.25 / n), `${report.outOfSample.accuracy} on ${n}`);
  assert.equal(report.enabled, false, report.reason);
});
