import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFeatureMatrix } from '../../../actors/features/build-feature-matrix.js';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';
import { toModelSeries } from '../../../actors/models/evaluation/model-series.js';
import { DEFAULT_WINDOWS, planFolds } from '../../../actors/models/evaluation/plan-folds.js';
import { InputError } from '../../../actors/runtime/errors.js';

test('folds slide forward in time: each tests only after its training ends, and test windows follow each other without overlap', () => {
  const folds = planFolds(1_000, { trainBars: 200, testBars: 150 }, 10);
  assert.equal(folds.length, 5, 'one fold reads rows 0 … 360 (window 10, 200 samples, their last label, 150 tests, its label); four more need 600: 961 ≤ 1,000 < 1,111');
  for (const [k, f] of folds.entries()) {
    assert.equal(f.trainTo - f.trainFrom, 200, '200 training samples, rows trainFrom … trainTo-1');
    assert.ok(f.trainFrom - 10 + 1 >= 0, 'the first training window is in the data');
    assert.ok(f.trainTo < f.testFrom, 'the last training label is before the first test bar');
    assert.equal(f.testTo - f.testFrom + 1, 150);
    assert.ok(f.testTo + 1 <= 999, "the last test sample's label is in the data");
    if (k > 0) {
      const prev = folds[k - 1]!;
      assert.equal(f.testFrom, prev.testTo + 1, 'test windows are contiguous and disjoint');
      assert.equal(f.trainFrom, prev.trainFrom + 150, 'the training window slides by the test size');
    }
  }
});

test('too little data for one fold is an InputError naming the flags and the counts', () => {
  assert.throws(() => planFolds(300, { trainBars: 200, testBars: 150 }, 10), (err: unknown) => err instanceof InputError && /--train-bars 200 --test-bars 150: the data has 300 feature rows, one fold with window 10 needs 361/.test(err.message));
  assert.throws(() => planFolds(300, { trainBars: 0, testBars: 150 }, 10), /--train-bars: must be a whole number ≥ 1, got 0/);
});

test('the default windows give at least eight folds on the recorded BTC/USDT week', () => {
  const { candles, timeframeMs } = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
  const series = toModelSeries(buildFeatureMatrix(candles, { timeframeMs }), candles, timeframeMs);
  for (const window of [16, 32, 64]) {
    const folds = planFolds(series.ts.length, DEFAULT_WINDOWS, window);
    assert.ok(folds.length >= 8, `window ${window}: ${folds.length} folds`);
  }
});
