import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFeatureMatrix } from '../../actors/features/build-feature-matrix.js';
import { CalibratedModel } from '../../actors/models/calibration/calibrated-model.js';
import { fitPlatt } from '../../actors/models/calibration/platt.js';
import { createModel } from '../../actors/models/create-model.js';
import { toModelSeries } from '../../actors/models/evaluation/model-series.js';
import { planFolds } from '../../actors/models/evaluation/plan-folds.js';
import { walkForward } from '../../actors/models/evaluation/walk-forward.js';
import { loadModel } from '../../actors/models/load-model.js';
import type { Hyperparameters, Model, ModelKind, SavedModel } from '../../actors/models/model.js';
import type { Sample } from '../../actors/models/sample.js';
import { seededRandom } from '../../actors/models/seeded-random.js';
import { InputError } from '../../actors/runtime/errors.js';
import { randomWalkCandles } from '../support/synthetic-candles.js';
import { periodFourUps, toySamples } from '../support/toy-samples.js';

const HYPER: Hyperparameters = { window: 4, hidden: 3, epochs: 2, learningRate: 0.02, seed: 1 };
const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const brier = (ps: readonly number[], samples: readonly Sample[]) => ps.reduce((sum, p, i) => sum + (p - samples[i]!.up) ** 2, 0) / ps.length;

/** A model double whose P(up) is a fixed over-confident function of the window's first value; it records its calls. */
class OverConfident implements Model {
  readonly kind = 'lstm' as const;
  readonly fitted: Sample[][] = [];
  readonly asked: number[][][] = [];
  constructor(readonly inputSize = 1, readonly hyper: Hyperparameters = HYPER) {}
  fit(samples: readonly Sample[]) {
    this.fitted.push([...samples]);
    return Promise.resolve({ loss: 0 });
  }
  predict(window: readonly (readonly number[])[]) {
    this.asked.push(window.map((row) => [...row]));
    return sigmoid(3 * logit(Math.min(0.99, Math.max(0.01, window[0]![0]!))));
  }
  save(): SavedModel {
    return { kind: this.kind, inputSize: this.inputSize, hyper: this.hyper, weights: {} };
  }
  dispose() {}
}

/** Bars whose true P(up) q is in [0.3, 0.7] and is the window's only value: the double claims σ(3·logit q). */
function weakSignal(n: number, seed: number): Sample[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const q = 0.3 + 0.4 * random();
    const up = random() < q ? 1 : 0;
    return { ts: i * 60_000, window: [[q]], next: [q], up, nextReturn: up ? 0.001 : -0.001 };
  });
}

test('over-confident forecasts: the calibrated model has a lower Brier score on later bars, and a shrinks toward 1/3', async () => {
  const samples = weakSignal(4_000, 5);
  const train = samples.slice(0, 2_000);
  const later = samples.slice(2_000);
  const inner = new OverConfident();
  const model = new CalibratedModel(inner);
  await model.fit(train);
  const raw = brier(later.map((s) => inner.predict(s.window)), later);
  const calibrated = brier(later.map((s) => model.predict(s.window)), later);
  assert.ok(calibrated < raw - 0.01, `Brier ${calibrated} calibrated vs ${raw} raw`);
  assert.ok(calibrated < 0.25, `better than the constant 0.5 forecast: ${calibrated}`);
  const { a, b } = model.save().calibration!;
  assert.ok(a > 0.2 && a < 0.5 && Math.abs(b) < 0.2, `a ${a}, b ${b}`);
});

test('degenerate held-out sets still give finite scalings: every forecast the same, or perfectly separated', () => {
  const ups: (0 | 1)[] = [1, 0, 1, 1, 0, 1, 1, 0];
  const flat = fitPlatt(ups.map(() => 1), ups);
  assert.ok(Number.isFinite(flat.a) && Number.isFinite(flat.b));
  assert.ok(Math.abs(sigmoid(flat.a * logit(0.999) + flat.b) - 0.6) < 0.02, `a constant forecast becomes the (smoothed) up rate: ${JSON.stringify(flat)}`);
  const separated = fitPlatt(ups.map((u) => (u ? 0.9 : 0.1)), ups);
  assert.ok(Number.isFinite(separated.a) && separated.a > 0 && separated.a < 10, JSON.stringify(separated));
});

test('fit: the inner model trains on the earlier 80%, the calibrator reads its forecasts for the last 20% only', async () => {
  const samples = weakSignal(50, 6);
  const inner = new OverConfident();
  await new CalibratedModel(inner).fit(samples);
  assert.deepEqual(inner.fitted, [samples.slice(0, 40)]);
  assert.deepEqual(inner.asked, samples.slice(40).map((s) => s.window));

  await assert.rejects(new CalibratedModel(new OverConfident()).fit(samples.slice(0, 4)), (e: unknown) => e instanceof InputError && /^samples: /.test(e.message));
  await assert.rejects(new CalibratedModel(new OverConfident()).fit([...samples].reverse()), /time order/);
});

test("walk-forward: during each fold's fit the calibrator asks only about that fold's last training samples, never a test bar", async () => {
  const series = toModelSeries(buildFeatureMatrix(randomWalkCandles(900, 4), { timeframeMs: 60_000 }), randomWalkCandles(900, 4), 60_000);
  const windows = { trainBars: 300, testBars: 150 };
  const folds: { trained: Sample[]; inner: OverConfident; askedInFit: number }[] = [];
  const factory = (_kind: ModelKind, inputSize: number, h: Hyperparameters): Model => {
    const inner = new OverConfident(inputSize, h);
    const model = new CalibratedModel(inner);
    const fold = { trained: [] as Sample[], inner, askedInFit: 0 };
    folds.push(fold);
    return Object.assign(model, {
      fit: async (samples: readonly Sample[]) => {
        fold.trained = structuredClone([...samples]);
        const result = await CalibratedModel.prototype.fit.call(model, samples);
        fold.askedInFit = inner.asked.length;
        return result;
      },
    });
  };
  const { report } = await walkForward(series, { ...windows, kind: 'lstm', hyper: HYPER, fee: 0.001, createModel: factory });
  assert.equal(report.folds.length, planFolds(series.ts.length, windows, HYPER.window).length);
  assert.ok(report.folds.length >= 3);
  report.folds.forEach((f, k) => {
    const { trained, inner, askedInFit } = folds[k]!;
    const cut = trained.length - Math.floor(trained.length * 0.2);
    assert.deepEqual(inner.asked.slice(0, askedInFit), trained.slice(cut).map((s) => s.window), `fold ${k}: the held-out training windows, in order`);
    assert.ok(trained.every((s) => s.ts + 60_000 <= f.trainEnd), `fold ${k}: every label the calibrator saw is at or before trainEnd`);
    assert.equal(inner.asked.length - askedInFit, f.samples, `fold ${k}: the test bars are asked about only after fit`);
  });
});

test('save → JSON → load predicts identically; a model saved without calibration loads as the plain model', async () => {
  const samples = toySamples(periodFourUps(80), HYPER.window);
  const model = createModel('gru', 2, HYPER);
  await model.fit(samples);
  const saved = model.save();
  assert.ok(saved.calibration && Number.isFinite(saved.calibration.a) && Number.isFinite(saved.calibration.b));
  const restored = loadModel(JSON.parse(JSON.stringify(saved)) as SavedModel);
  for (const s of samples) assert.equal(restored.predict(s.window), model.predict(s.window));

  const plain = createModel('gru', 2, { ...HYPER, calibrate: false });
  await plain.fit(samples);
  const old = plain.save();
  assert.equal(old.calibration, undefined);
  const reloaded = loadModel(JSON.parse(JSON.stringify(old)) as SavedModel);
  assert.ok(!(reloaded instanceof CalibratedModel));
  for (const s of samples) assert.equal(reloaded.predict(s.window), plain.predict(s.window));
  for (const m of [model, restored, plain, reloaded]) m.dispose();
});
