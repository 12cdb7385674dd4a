import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFeatureMatrix } from '../../../actors/features/build-feature-matrix.js';
import { createModel } from '../../../actors/models/create-model.js';
import { MODEL_KINDS, type Hyperparameters, type ModelKind } from '../../../actors/models/model.js';
import { toModelSeries } from '../../../actors/models/evaluation/model-series.js';
import { walkForward } from '../../../actors/models/evaluation/walk-forward.js';
import { randomWalkCandles } from '../../support/synthetic-candles.js';

const MINUTE = 60_000;
const candles = randomWalkCandles(1_500, 20_210_219);
const series = toModelSeries(buildFeatureMatrix(candles, { timeframeMs: MINUTE }), candles, MINUTE);

const TINY: Record<ModelKind, Hyperparameters> = {
  lstm: { window: 4, hidden: 3, epochs: 2, learningRate: 0.01, seed: 1 },
  gru: { window: 4, hidden: 3, epochs: 2, learningRate: 0.01, seed: 1 },
  transformer: { window: 4, hidden: 4, heads: 1, epochs: 1, learningRate: 0.003, seed: 1 },
};

for (const kind of MODEL_KINDS) {
  test(`on a driftless random walk a ${kind} scores 50% within three standard errors and stays disabled`, async () => {
    const { report } = await walkForward(series, { kind, hyper: TINY[kind], trainBars: 300, testBars: 300, fee: 0.001, createModel });
    const n = report.outOfSample.samples;
    assert.equal(n, 900);
    const sigma = Math.sqrt(0.25 / n);
    assert.ok(Math.abs(report.outOfSample.accuracy - 0.5) <= 3 * sigma, `${kind}: ${report.outOfSample.accuracy} on ${n} samples (3σ = ${(3 * sigma).toFixed(3)})`);
    assert.equal(report.enabled, false, report.reason);
    assert.ok(report.predictions.every((p) => p.p >= 0 && p.p <= 1), 'probabilities');
  });
}
