import { esc, pct, scriptJson, table } from '../../../ledger/report/html.js';
import { uplotAssets } from '../../../ledger/report/uplot-assets.js';
import { usdRange } from '../../../amm/lp/usd-prices.js';
import type { LpBacktestResult } from '../run-lp-backtest.js';
import { lpChartData } from './lp-chart-data.js';
import { LP_CHARTS_SCRIPT } from './lp-charts-script.js';
import { lpVerdict } from './lp-verdict.js';
import { usd } from './usd.js';

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:20px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}
td:first-child,th:first-child{text-align:left}.note{color:#555;max-width:1000px}`;

const hhmm = (ts: number | null) => (ts === null ? 'open' : new Date(ts).toISOString().slice(11, 16));
const counts = (o: Record<string, number | undefined>) => Object.entries(o).map(([k, n]) => `${k} ${n}`).join(', ');

/** One self-contained HTML file (uPlot and data inlined, no network) for `arbiter backtest --strategy amm-lp --report`. */
export function renderLpReport(r: LpBacktestResult): string {
  if (!r.timeline) throw new Error('renderLpReport: the backtest ran without a timeline (runLpBacktest({ timeline: true }))');
  const { js, css } = uplotAssets();
  const { lp, baselines } = r;
  const summary = table(
    ['', 'positions', 'fees', 'IL', 'gas', 'P&L'],
    [
      [r.strategy, lp.opened, usd(lp.feesUsd), usd(lp.ilUsd), usd(lp.gasUsd), usd(r.pnlUsd)],
      ...(baselines.passive ? [['passive (never moves)', 1, usd(baselines.passive.feesUsd), usd(baselines.passive.ilUsd), usd(baselines.passive.gasUsd), usd(baselines.passive.pnlUsd)]] : []),
      ...(baselines.hold ? [['hold the first deposit', 0, '', '', '', usd(baselines.hold.pnlUsd)]] : []),
    ],
    'lp-table',
  );
  const byId = new Map(lp.rounds.map((x) => [x.positionId, x]));
  const rounds = table(
    ['#', 'tier', 'range ($/ETH)', 'opened (UTC)', 'closed (UTC)', 'exit', 'fees', 'IL', 'gas', 'P&L'],
    r.timeline.rounds.map((x, i) => {
      const range = usdRange(x.tickLower, x.tickUpper);
      const done = byId.get(x.positionId);
      return [`#${i + 1}`, pct(x.fee / 1_000_000, 2), `${range.lower.toFixed(0)}–${range.upper.toFixed(0)}`, hhmm(x.openedTs), hhmm(x.closedTs), x.reason ?? '', ...(done ? [usd(done.feesUsd), usd(done.ilUsd), usd(done.gasUsd), usd(done.pnlUsd)] : ['', '', '', ''])];
    }),
    'rounds-table',
  );
  const vetoes = counts(r.vetoReasons);
  const settings = `${r.blocks.toLocaleString('en-US')} blocks, ${r.swaps.toLocaleString('en-US')} swaps, ${r.from.slice(0, 16).replace('T', ' ')} → ${r.to.slice(11, 16)} UTC; gas at ${r.gasPriceGwei} gwei; deposit ${usd(r.depositUsd)} a position, on capital ${usd(r.capital)}; exits: ${counts(lp.byReason) || 'none'}; re-centres ${lp.recentres}; risk: ${r.orders} orders, ${r.fills} fills, ${r.vetoes} vetoes${vetoes ? ` (${vetoes})` : ''}, ${r.riskState} at the end.`;
  const data = lpChartData(r.timeline, baselines.passive);
  const pools = r.files.map((f) => f.split('/').pop()).join(', ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LP backtest: ${esc(r.strategy)}</title>
<style>${css}</style><style>${STYLE}</style></head>
<body>
<h1>LP backtest: ${esc(r.strategy)} on the recorded day</h1>
<p class="note">${esc(pools)}. The strategy on the paper session's actor tree (risk, ledger, execution), each recorded block replayed with exact V3 maths, withdrawn at the day's end; beside it a passive position in the first deposit's tier and range that never moves (gas included) and the first deposit's tokens held.</p>
${summary}
<p id="settings">${esc(settings)}</p>
<p id="verdict"><strong>${esc(lpVerdict(r))}</strong></p>
<h2>The price and the positions</h2>
<p class="note">The ${pct(r.timeline.referenceFee / 1_000_000, 2)} pool's price. Each position is drawn as its dollar range while it was open (the upper tick is the lower dollar price); the dashed grey range is the passive position's. Green marks: a position opened; red: one closed (the exit is in the table below).</p>
<div id="price-chart"></div>
${rounds}
<h2>Cumulative P&amp;L</h2>
<p class="note">Each block: the strategy's realised rounds plus its open position's value and uncollected fees less deposit and gas; the passive position's value and fees less its deposit and mint gas; the held tokens less the deposit. The last point is the day's realised end, the table's numbers.</p>
<div id="pnl-chart"></div>
<script id="lp-data" type="application/json">${scriptJson(data)}</script>
<script>${js}</script>
<script>${LP_CHARTS_SCRIPT}</script>
</body></html>
`;
}
