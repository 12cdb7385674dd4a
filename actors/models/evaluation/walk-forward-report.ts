import type { FeatureInfo } from '../../features/feature.js';
import type { Hyperparameters, ModelKind } from '../model.js';

/** One walk-forward fold: fitted on [trainStart, trainEnd], scored on [testStart, testEnd] (bar open times, ms). */
export interface FoldReport {
  trainStart: number;
  trainEnd: number;
  testStart: number;
  testEnd: number;
  samples: number;
  accuracy: number;
  /** The best baseline's accuracy on the same test samples. */
  baselineAccuracy: number;
  brier: number;
  /** Each baseline's accuracy on this fold, by name (persistence, majority, sma-cross). */
  baselines: Record<string, number>;
}

/** A predictor's out-of-sample score over every fold's test samples together. */
export interface Score {
  accuracy: number;
  samples: number;
  /** Mean squared error of P(up) against the outcome (a baseline's P is its 0/1 call, or the training up-rate for majority). */
  brier: number;
  /** Sum of log returns of the bars it was long for, minus fees on each entry and exit. */
  pnl: number;
}

/** What `arbiter train --walk-forward --json` prints (plus `modelId` once stored). */
export interface WalkForwardReport {
  model: ModelKind;
  hyper: Hyperparameters;
  features: FeatureInfo[];
  folds: FoldReport[];
  outOfSample: { accuracy: number; baselineAccuracy: number; samples: number; brier: number; pnl: number };
  baselines: Record<string, Score>;
  /** The baseline the model had to beat (highest out-of-sample accuracy). */
  bestBaseline: string;
  /** One-sided exact McNemar test of model vs best baseline on the paired test samples. */
  significance: { test: string; modelOnlyRight: number; baselineOnlyRight: number; pValue: number; alpha: number };
  enabled: boolean;
  reason: string;
  /** P(up) and outcome per test sample, for calibration and equity pictures. */
  predictions: { ts: number; p: number; up: 0 | 1; nextReturn: number }[];
}
