import type { BacktestResult } from '../../backtest/summarize.js';
import type { SensitivityRow } from '../../venues/replay/sensitivity.js';
import type { PerformanceMetrics } from '../metrics/performance.js';
import { drawdownSeries } from '../metrics/equity.js';
import { CHARTS_SCRIPT } from './charts-script.js';
import { choicesChartData, choicesSection } from './choices-section.js';
import { dailyPnl, type DailyTargetBand } from './daily-pnl.js';
import { esc, fmt, isoTime, pct, scriptJson, table } from './html.js';
import { uplotAssets } from './uplot-assets.js';

export interface ReportInput {
  title: string;
  result: BacktestResult;
  sensitivity: readonly SensitivityRow[];
  /** Daily return bands to draw beside realized daily P&L (targets, not expectations). */
  dailyTargets?: readonly DailyTargetBand[];
  /** Risk's max daily loss as a fraction, drawn as a line; null to omit. */
  dailyLossLimit?: number | null;
}

const METRIC_ROWS: ReadonlyArray<[keyof PerformanceMetrics, string, 'pct' | 'num']> = [
  ['totalReturn', 'total return', 'pct'], ['cagr', 'CAGR', 'pct'], ['annualVolatility', 'annualized volatility', 'pct'],
  ['sharpe', 'Sharpe', 'num'], ['sortino', 'Sortino', 'num'], ['maxDrawdown', 'max drawdown', 'pct'], ['calmar', 'Calmar', 'num'],
  ['winRate', 'win rate', 'pct'], ['profitFactor', 'profit factor', 'num'], ['expectancy', 'expectancy / trade', 'num'],
  ['exposure', 'exposure', 'pct'], ['turnover', 'turnover (× mean equity)', 'num'],
];

function metricsTable(columns: ReadonlyArray<{ name: string; metrics: PerformanceMetrics }>): string {
  const rows = METRIC_ROWS.map(([key, label, kind]) => [label, ...columns.map((c) => (kind === 'pct' ? pct(c.metrics[key] as number | null) : fmt(c.metrics[key] as number | null)))]);
  return table(['metric', ...columns.map((c) => c.name)], rows, 'metrics-table');
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:20px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}
td:first-child,th:first-child{text-align:left}.note{color:#555;max-width:1000px}.scroll{max-height:420px;overflow:auto;display:inline-block}`;

/**
 * One self-contained HTML file (uPlot and data inlined, no network): equity, drawdown, trades, metrics, sensitivity,
 * daily P&L vs targets, and a quantum-portfolio strategy's choices beside the exact optimum.
 */
export function renderReport(input: ReportInput): string {
  const { result } = input;
  const { js, css } = uplotAssets();
  const capital = result.combined.capital;
  const targets = input.dailyTargets ?? [];
  const data = {
    timestamps: result.timestamps,
    strategies: result.strategies.map((s) => ({ name: s.name, equity: s.equity })),
    combined: { equity: result.combined.equity },
    drawdown: drawdownSeries(result.combined.equity, capital),
    daily: dailyPnl(result.timestamps, result.combined.equity, capital),
    targets,
    dailyLossLimit: input.dailyLossLimit ?? null,
    choices: choicesChartData(result.strategies),
  };
  const columns = [
    ...result.strategies.map((s) => ({ name: `${s.name} (${s.symbol})`, metrics: s.metrics })),
    ...(result.strategies.length > 1 ? [{ name: 'combined', metrics: result.combined.metrics }] : []),
  ];
  const trades = table(
    ['strategy', 'symbol', 'side', 'entry time', 'entry price', 'exit time', 'exit price', 'qty', 'P&L', 'fees'],
    result.trades.map((t) => [t.strategy, t.symbol, t.side, isoTime(t.entryTime), fmt(t.entryPrice, 8), isoTime(t.exitTime), fmt(t.exitPrice, 8), fmt(t.qty), fmt(t.pnl), fmt(t.fees)]),
    'trades-table',
  );
  const open = result.open.length === 0 ? '<p>No position open at the end.</p>' : table(
    ['strategy', 'symbol', 'entry time', 'entry price', 'qty', 'mark', 'unrealized P&L'],
    result.open.map((p) => [p.strategy, p.symbol, isoTime(p.entryTime), fmt(p.entryPrice, 8), fmt(p.qty), fmt(p.markPrice, 8), fmt(p.unrealizedPnl)]),
  );
  const sens = table(['fill model', 'P&L', 'total return', 'Sharpe', 'max drawdown', 'trades', 'fees'],
    input.sensitivity.map((r) => [r.model, fmt(r.pnl), pct(r.totalReturn), fmt(r.sharpe), pct(r.maxDrawdown), r.trades, fmt(r.fees)]), 'sensitivity-table');
  const gaps = result.strategies.flatMap((s) => s.gaps.map((g) => [s.symbol, isoTime(g.afterTs), isoTime(g.beforeTs), g.missingBars]));
  const m = result.model;
  const targetNote = targets.length > 0
    ? `Shaded bands are the daily targets (${targets.map((t) => `${esc(t.label)}: ${pct(t.low)} to ${pct(t.high)}`).join('; ')}). They are <strong>targets, not expectations</strong>: nothing in this backtest suggests they will be met.`
    : 'No daily target bands were given (pass them with <code>--daily-target label:low:high</code>); targets would be drawn as bands and are targets, not expectations.';

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(input.title)}</title>
<style>${css}</style><style>${STYLE}</style></head>
<body>
<h1>${esc(input.title)}</h1>
<p class="note">${result.bars} bars from ${esc(isoTime(result.timestamps[0] ?? 0))} to ${esc(isoTime(result.timestamps.at(-1) ?? 0))}; capital ${fmt(capital)};
fills: <b>${esc(m.name)}</b> (fee ${pct(m.takerFee, 3)}, half-spread ${pct(m.halfSpread, 3)}, impact ${m.impact}·√participation, latency ${m.latencyMs} ms, max participation ${Number.isFinite(m.maxParticipation) ? pct(m.maxParticipation, 0) : 'unlimited'}).
Orders decided on a bar's close fill at the earliest on the next bar's open.</p>
<h2>Equity</h2><div id="equity-chart"></div>
<h2>Drawdown</h2><div id="drawdown-chart"></div>
<h2>Metrics</h2>${metricsTable(columns)}
${choicesSection(result.strategies)}
<h2>Fill-model sensitivity</h2><p class="note">The same run under optimistic, default and pessimistic fills: how much of the result is the fill assumption.</p>${sens}
<h2>Daily P&amp;L and daily targets</h2><div id="daily-chart"></div><p class="note">${targetNote}</p>
<h2>Trades (${result.trades.length})</h2><div class="scroll">${trades}</div>
<h2>Open at the end</h2>${open}
<h2>Gaps in the data (reported, not filled)</h2>${gaps.length === 0 ? '<p>None.</p>' : table(['symbol', 'last bar before', 'first bar after', 'missing bars'], gaps)}
<script id="report-data" type="application/json">${scriptJson(data)}</script>
<script>${js}</script>
<script>${CHARTS_SCRIPT}</script>
</body></html>
`;
}
