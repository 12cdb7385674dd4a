import type { Hyperparameters, ModelKind } from '../model.js';
import { fitScaler } from '../scaler.js';
import type { ModelFactory, TrainingProgress } from '../training/model-factory.js';
import { baselines as makeBaselines, BASELINE_NAMES, type BaselineName } from './baselines.js';
import { buildSamples, sampleRows } from './build-samples.js';
import type { Outcome } from './long-flat-pnl.js';
import type { ModelSeries } from './model-series.js';
import { planFolds, type WalkForwardWindows } from './plan-folds.js';
import { rightCalls, score } from './score.js';
import { significanceGate } from './significance-gate.js';
import type { FoldReport, Score, WalkForwardReport } from './walk-forward-report.js';

export interface WalkForwardOptions extends WalkForwardWindows {
  kind: ModelKind;
  hyper: Hyperparameters;
  /** Taker fee rate charged on each entry and exit of the long/flat P&L. */
  fee: number;
  alpha?: number;
  createModel: ModelFactory;
  onProgress?: (progress: TrainingProgress) => void;
}

export interface WalkForwardOutcome {
  report: WalkForwardReport;
  /** Each baseline's P(up), aligned with `report.predictions`: for the report's calibration and equity pictures. */
  baselinePredictions: Record<BaselineName, number[]>;
}

/**
 * Walk-forward evaluation: for each fold (plan-folds.ts), a fresh model fitted on the training samples scaled with a
 * scaler fitted on the training rows only, then asked for P(up) on the test samples beside every baseline; the scores
 * are over all folds' test samples together, and the significance gate decides `enabled`.
 */
export async function walkForward(series: ModelSeries, opts: WalkForwardOptions): Promise<WalkForwardOutcome> {
  const { window } = opts.hyper;
  const folds = planFolds(series.ts.length, opts, window);
  const baselinesAt = makeBaselines(series);
  const predictions: WalkForwardReport['predictions'] = [];
  const baselinePredictions = Object.fromEntries(BASELINE_NAMES.map((n) => [n, [] as number[]])) as Record<BaselineName, number[]>;
  const foldReports: Omit<FoldReport, 'baselineAccuracy'>[] = [];

  for (const [k, fold] of folds.entries()) {
    const scaler = fitScaler(series.values.slice(fold.trainFrom - window + 1, fold.trainTo + 1));
    const train = buildSamples(series, sampleRows(series, fold.trainFrom, fold.trainTo - 1, window), window, scaler);
    const testRows = sampleRows(series, fold.testFrom, fold.testTo, window);
    if (train.length === 0 || testRows.length === 0) continue;
    const test = buildSamples(series, testRows, window, scaler);
    const model = await opts.createModel(opts.kind, series.features.length, opts.hyper);
    await model.fit(train, { onProgress: (p) => opts.onProgress?.({ stage: 'fold', fold: k + 1, folds: folds.length, ...p }) });
    const ps = test.map((s) => model.predict(s.window));
    model.dispose();
    const upRate = train.reduce((n, s) => n + s.up, 0) / train.length;
    const base = baselinesAt(testRows, upRate);

    const from = predictions.length;
    test.forEach((s, i) => predictions.push({ ts: s.ts, p: ps[i]!, up: s.up, nextReturn: s.nextReturn }));
    for (const name of BASELINE_NAMES) baselinePredictions[name].push(...base[name]);
    const outcomes = predictions.slice(from);
    const m = score(ps, outcomes, opts.fee, series.timeframeMs);
    foldReports.push({
      trainStart: series.ts[fold.trainFrom]!, trainEnd: series.ts[fold.trainTo]!, testStart: series.ts[fold.testFrom]!, testEnd: series.ts[fold.testTo]!,
      accuracy: m.accuracy, samples: test.length, brier: m.brier,
      baselines: Object.fromEntries(BASELINE_NAMES.map((n) => [n, score(base[n], outcomes, opts.fee, series.timeframeMs).accuracy])),
    });
  }

  const outcomes: Outcome[] = predictions;
  const ps = predictions.map((p) => p.p);
  const model = { score: score(ps, outcomes, opts.fee, series.timeframeMs), right: rightCalls(ps, outcomes) };
  const judged = Object.fromEntries(BASELINE_NAMES.map((n) => [n, { score: score(baselinePredictions[n], outcomes, opts.fee, series.timeframeMs), right: rightCalls(baselinePredictions[n], outcomes) }]));
  const verdict = significanceGate({ model, baselines: judged, alpha: opts.alpha });
  const baselineScores: Record<string, Score> = Object.fromEntries(BASELINE_NAMES.map((n) => [n, judged[n]!.score]));
  const best = baselineScores[verdict.bestBaseline]!;

  return {
    report: {
      model: opts.kind,
      hyper: opts.hyper,
      features: series.features,
      folds: foldReports.map(({ trainStart, trainEnd, testStart, testEnd, accuracy, samples, brier, baselines }) => ({
        trainStart, trainEnd, testStart, testEnd, accuracy, baselineAccuracy: baselines[verdict.bestBaseline]!, samples, brier, baselines,
      })),
      outOfSample: { accuracy: model.score.accuracy, baselineAccuracy: best.accuracy, samples: model.score.samples, brier: model.score.brier, pnl: model.score.pnl },
      baselines: baselineScores,
      ...verdict,
      predictions,
    },
    baselinePredictions,
  };
}
