import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFeatureMatrix } from '../../../actors/features/build-feature-matrix.js';
import { toModelSeries } from '../../../actors/models/evaluation/model-series.js';
import { walkForward } from '../../../actors/models/evaluation/walk-forward.js';
import { renderTrainingReport } from '../../../actors/models/report/render-training-report.js';
import { trainingReportData } from '../../../actors/models/report/training-report-data.js';
import { PatternTableModel } from '../../support/pattern-table-model.js';
import { periodEightCandles } from '../../support/synthetic-candles.js';
import { noChromium, openReport } from '../../support/report-page.js';

const MINUTE = 60_000;
const candles = periodEightCandles(1_200);
const series = toModelSeries(buildFeatureMatrix(candles, { timeframeMs: MINUTE }), candles, MINUTE);
const outcome = await walkForward(series, {
  kind: 'lstm', hyper: { window: 8, hidden: 2, epochs: 1, learningRate: 0.01 }, trainBars: 300, testBars: 200, fee: 0.001,
  createModel: (k, n, h) => new PatternTableModel(k, n, h),
});
const data = { file: 'period-eight.json', start: candles[0]!.ts, end: candles.at(-1)!.ts, timeframeMs: MINUTE, sha256: '0'.repeat(64), rows: candles.length };

test('the chart data: accuracy per fold for the model and each baseline, calibration buckets that add up, equity per predictor', () => {
  const d = trainingReportData(outcome, 0.001, MINUTE);
  assert.deepEqual(d.folds.series.map((s) => s.label), ['lstm', 'persistence', 'majority', 'sma-cross']);
  assert.deepEqual(d.folds.series[0]!.values, outcome.report.folds.map((f) => f.accuracy));
  assert.equal(d.calibration.counts.reduce((a, b) => a + b, 0), outcome.report.predictions.length);
  const n = outcome.report.predictions.length;
  assert.ok(d.equity.series.every((s) => s.values.length === n));
  assert.ok(Math.abs(d.equity.series[0]!.values[n - 1]! - outcome.report.outOfSample.pnl) < 1e-9, 'the curve ends at the P&L');
});

test('the training report opens offline in headless Chromium with its three charts and tables', { skip: noChromium }, async () => {
  const html = renderTrainingReport({ title: 'lstm walk-forward on period-eight.json', outcome, data, fee: 0.001, modelId: 'lstm-0123abcd' });
  await openReport(html, async (page) => {
    assert.equal(await page.locator('.uplot canvas').count(), 3, 'accuracy per fold, calibration, equity');
    assert.equal(await page.locator('#folds-table tbody tr').count(), outcome.report.folds.length);
    assert.equal(await page.locator('#calibration-table tbody tr').count(), 10);
    assert.equal(await page.locator('#scores-table tbody tr').count(), 4);
    assert.match(await page.locator('.verdict').innerText(), /^Enabled \(stored as lstm-0123abcd\): accuracy/);
  });
});
