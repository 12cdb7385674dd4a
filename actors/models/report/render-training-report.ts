import { esc, fmt, isoTime, pct, scriptJson, table } from '../../ledger/report/html.js';
import { uplotAssets } from '../../ledger/report/uplot-assets.js';
import { BASELINE_NAMES } from '../evaluation/baselines.js';
import type { WalkForwardOutcome } from '../evaluation/walk-forward.js';
import type { StoredModel } from '../store/stored-model.js';
import { TRAINING_CHARTS_SCRIPT } from './training-charts-script.js';
import { trainingReportData } from './training-report-data.js';

export interface TrainingReportInput {
  title: string;
  outcome: WalkForwardOutcome;
  data: StoredModel['data'];
  fee: number;
  /** The stored model's id, when it was stored. */
  modelId?: string;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:20px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}
td:first-child,th:first-child{text-align:left}.note{color:#555;max-width:1000px}.verdict{font-weight:600}`;

/** One self-contained HTML file (uPlot and data inlined, no network): accuracy per fold, calibration, and equity against the baselines. */
export function renderTrainingReport(input: TrainingReportInput): string {
  const { report } = input.outcome;
  const { js, css } = uplotAssets();
  const charts = trainingReportData(input.outcome, input.fee, input.data.timeframeMs);
  const h = report.hyper;
  const folds = table(
    ['fold', 'train from', 'train to', 'test from', 'test to', 'samples', report.model, ...BASELINE_NAMES],
    report.folds.map((f, k) => [k + 1, isoTime(f.trainStart), isoTime(f.trainEnd), isoTime(f.testStart), isoTime(f.testEnd), f.samples, pct(f.accuracy, 1), ...BASELINE_NAMES.map((n) => pct(f.baselines[n], 1))]),
    'folds-table',
  );
  const scores = table(
    ['predictor', 'accuracy', 'Brier', 'long/flat P&L (log, net of fees)'],
    [[report.model, pct(report.outOfSample.accuracy, 2), fmt(report.outOfSample.brier), pct(report.outOfSample.pnl, 2)], ...BASELINE_NAMES.map((n) => {
      const s = report.baselines[n]!;
      return [n, pct(s.accuracy, 2), fmt(s.brier), pct(s.pnl, 2)];
    })],
    'scores-table',
  );
  const calibration = table(
    ['predicted P(up)', 'samples', 'mean P', 'observed up-rate'],
    charts.calibration.counts.map((n, b) => [`${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)}`, n, fmt(charts.calibration.meanP[b], 3), pct(charts.calibration.observed[b], 1)]),
    'calibration-table',
  );
  const s = report.significance;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(input.title)}</title>
<style>${css}</style><style>${STYLE}</style></head>
<body>
<h1>${esc(input.title)}</h1>
<p class="verdict">${report.enabled ? 'Enabled' : 'Disabled'}${input.modelId ? ` (stored as ${esc(input.modelId)})` : ' (not stored)'}: ${esc(report.reason)}</p>
<p class="note">${esc(input.data.file)}: ${input.data.rows} bars from ${esc(isoTime(input.data.start))} to ${esc(isoTime(input.data.end))}.
Hyperparameters: window ${h.window}, hidden ${h.hidden}, epochs ${h.epochs}, learning rate ${h.learningRate}${h.heads ? `, heads ${h.heads}` : ''}.
${report.features.length} features: ${report.features.map((f) => esc(f.name)).join(', ')}.
Each fold fits a fresh model on its training window (scaled on that window only) and predicts the next window; nothing is shuffled across time.
Significance: ${esc(s.test)} against ${esc(report.bestBaseline)}, ${s.modelOnlyRight} vs ${s.baselineOnlyRight} samples only one of them called right, p = ${s.pValue.toPrecision(2)} (α = ${s.alpha}).
P&amp;L: long over the next bar whenever P(up) &gt; 0.5, a fee of ${pct(input.fee, 3)} on each entry and exit.</p>
<h2>Out of sample, every fold's test samples together (${report.outOfSample.samples})</h2>${scores}
<h2>Accuracy per fold</h2><div id="folds-chart"></div>${folds}
<h2>Calibration</h2><div id="calibration-chart"></div>${calibration}
<h2>Equity against the baselines</h2><div id="equity-chart"></div>
<script id="training-data" type="application/json">${scriptJson(charts)}</script>
<script>${js}</script>
<script>${TRAINING_CHARTS_SCRIPT}</script>
</body></html>
`;
}
