import { BASELINE_NAMES } from '../evaluation/baselines.js';
import { longFlatPnl } from '../evaluation/long-flat-pnl.js';
import { callsUp } from '../evaluation/score.js';
import type { WalkForwardOutcome } from '../evaluation/walk-forward.js';

/** What the training report's charts draw (uPlot's column arrays; null where a bucket is empty). */
export interface TrainingReportData {
  /** Accuracy per fold, model beside each baseline. */
  folds: { fold: number[]; series: { label: string; values: number[] }[] };
  /** The model's P(up) in ten equal buckets: mean P, observed up-rate and count per bucket. */
  calibration: { meanP: (number | null)[]; observed: (number | null)[]; counts: number[] };
  /** Running long/flat P&L (log return, net of fees) over the test samples, model beside each baseline. */
  equity: { x: number[]; series: { label: string; values: number[] }[] };
}

export const CALIBRATION_BUCKETS = 10;

export function trainingReportData({ report, baselinePredictions }: WalkForwardOutcome, fee: number, timeframeMs: number): TrainingReportData {
  const folds = {
    fold: report.folds.map((_, k) => k + 1),
    series: [{ label: report.model, values: report.folds.map((f) => f.accuracy) }, ...BASELINE_NAMES.map((n) => ({ label: n, values: report.folds.map((f) => f.baselines[n] ?? 0) }))],
  };

  const sumP = new Array<number>(CALIBRATION_BUCKETS).fill(0);
  const ups = new Array<number>(CALIBRATION_BUCKETS).fill(0);
  const counts = new Array<number>(CALIBRATION_BUCKETS).fill(0);
  for (const { p, up } of report.predictions) {
    const b = Math.min(CALIBRATION_BUCKETS - 1, Math.floor(p * CALIBRATION_BUCKETS));
    sumP[b]! += p;
    ups[b]! += up;
    counts[b]! += 1;
  }
  const calibration = {
    meanP: counts.map((n, b) => (n === 0 ? null : sumP[b]! / n)),
    observed: counts.map((n, b) => (n === 0 ? null : ups[b]! / n)),
    counts,
  };

  const curve = (ps: readonly number[]) => longFlatPnl(ps.map(callsUp), report.predictions, fee, timeframeMs).equity;
  const equity = {
    x: report.predictions.map((p) => (p.ts + timeframeMs) / 1000),
    series: [{ label: report.model, values: curve(report.predictions.map((p) => p.p)) }, ...BASELINE_NAMES.map((n) => ({ label: n, values: curve(baselinePredictions[n]) }))],
  };
  return { folds, calibration, equity };
}
