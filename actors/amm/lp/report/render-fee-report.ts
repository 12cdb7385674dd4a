import { esc, pct, scriptJson, table } from '../../../ledger/report/html.js';
import { uplotAssets } from '../../../ledger/report/uplot-assets.js';
import type { FeeReport } from '../fee-report.js';
import type { LpSample } from '../lp-day.js';
import { FEE_CHARTS_SCRIPT } from './fee-charts-script.js';
import { thin } from './thin.js';

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:20px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}
td:first-child,th:first-child{text-align:left}.note{color:#555;max-width:1000px}`;

const usd = (v: number) => `${v < 0 ? '−' : ''}$${Math.abs(v).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

/** One self-contained HTML file (uPlot and data inlined, no network) for `arbiter amm fees --report`. */
export function renderFeeReport(report: FeeReport, samplesByPool: readonly (readonly LpSample[])[]): string {
  const { js, css } = uplotAssets();
  const summary = table(
    ['pool', 'tier', 'volume', 'fees, all LPs', 'σ (annual)', 'utilisation/day', 'position fees', 'IL', 'LVR', 'fees + IL', 'fees − LVR', 'advisor: model fee', 'advisor: tier', 'seed formula'],
    report.pools.map((p) => [
      p.pool, pct(p.feeTier / 1_000_000, 2), usd(p.volumeUsd), usd(p.feesUsd), pct(p.volatility, 1), p.utilization.toFixed(3), usd(p.lpFeesUsd), usd(p.ilUsd),
      usd(p.lvrUsd), usd(p.lpNetUsd), usd(p.lpNetOfLvrUsd), pct(p.recommendedFee, 3), pct(p.recommendedTier, 2), pct(p.seedFormulaFee, 2),
    ]),
    'fee-table',
  );
  const data = {
    pools: report.pools.map((p, i) => {
      const s = thin(samplesByPool[i] ?? []);
      return { ts: s.map((x) => x.ts), price: s.map((x) => x.priceUsd), liquidity: s.map((x) => x.liquidity), fees: s.map((x) => x.cumulativeFeesUsd), lvr: s.map((x) => x.cumulativeLvrUsd), range: p.position.rangeUsd };
    }),
  };
  const first = report.pools[0];
  const verdict = [
    report.betterTier !== null ? `The ${pct(report.betterTier / 1_000_000, 2)} pool paid the position better that day (fees + IL).` : '',
    report.advisorWouldChoose ? `The advisor, from ${esc(report.advisorWouldChoose.from)}'s flow, would choose ${pct(report.advisorWouldChoose.tier / 1_000_000, 2)}${report.betterTier !== null ? (report.advisorWouldChoose.agrees ? ': the tier that paid better.' : ': not the tier that paid better.') : '.'}` : '',
  ].join(' ');
  const sections = report.pools
    .map((p, i) => `<h2>${esc(p.pool)} (${pct(p.feeTier / 1_000_000, 2)})</h2>
<p class="note">${p.replay.reproduced} of ${p.replay.swaps} swaps reproduced exactly; the position was in range on ${pct(p.position.timeInRange, 1)} of them.</p>
<div id="price-${i}"></div><div id="liquidity-${i}"></div><div id="pnl-${i}"></div>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AMM fee report</title>
<style>${css}</style><style>${STYLE}</style></head>
<body>
<h1>AMM fee report</h1>
<p class="note">${first ? `A hypothetical position of ${usd(first.position.depositUsd)} per pool, opened at each day's first swap on the same range (${first.position.rangeUsd.map((v) => v.toFixed(0)).join('–')} $/ETH at the first pool's tick spacing), replayed with the pool's exact state. ` : ''}
Fees: the pool's fee growth times the position's liquidity while in range. IL: against holding what it was opened with. LVR: against a portfolio holding the position's ETH, rebalanced at each block's last pool price.
The advisor recommends the model fee (fees on uninformed flow minus LVR with fees); the seed formula is shown beside it. Measured on one recorded day: not a forecast.</p>
${summary}
<p>${verdict}</p>
${sections}
<script id="fee-data" type="application/json">${scriptJson(data)}</script>
<script>${js}</script>
<script>${FEE_CHARTS_SCRIPT}</script>
</body></html>
`;
}
