import type { SessionSummary } from '../../../supervisors/paper-session-summary.js';
import type { FamilyReport } from '../../../supervisors/session-summary.js';
import type { FlashSummary } from '../../../supervisors/flash-tally.js';
import { FAMILIES, type Family, type Weights } from '../../allocation/family.js';
import { equityCharts, weightsChart } from './session-chart-data.js';
import type { SessionReportData } from './session-report-data.js';
import { SESSION_CHARTS_SCRIPT } from './session-charts-script.js';
import { esc, fmt, pct, scriptJson, table } from './html.js';
import { choicesSection } from './choices-section.js';
import type { ChoiceComparison } from '../../strategies/quantum-portfolio/compare-choices.js';
import { uplotAssets } from './uplot-assets.js';

export interface SessionReportInput {
  summary: SessionSummary;
  /** The session's equity samples and reallocations, read back from its journal (readSessionReportData). */
  data: SessionReportData;
}

const OUTCOMES = ['completed', 'aborted', 'hedged', 'unwound', 'stuck'] as const;

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:20px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}
td:first-child,th:first-child,td.text{text-align:left}.note{color:#555;max-width:1000px}
#families-table td:nth-child(3),#families-table td:nth-child(4),#reallocations-table td:nth-child(3),#reallocations-table td:last-child{text-align:left}`;

const wallTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ');
const signed = (x: number) => `${x >= 0 ? '+' : ''}${fmt(x, 2)}`;
const enabledReports = (s: SessionSummary) => FAMILIES.map((f) => s.strategies[f]).filter((r): r is FamilyReport => r?.enabled === true);

function familiesTable(s: SessionSummary): string {
  const rows = Object.entries(s.strategies).map(([family, f]) => {
    if (!f.enabled) return [family, pct(f.share, 0), `off: ${f.disabledReason}`, f.detail || '—', `${fmt(f.capital, 2)} idle`, '—', '—', '—', '—', '—', '—'];
    const weight = s.allocator.weights[family as Family];
    const risk = f.haltedBy ? `${f.riskState} (${f.haltedBy})` : f.riskState;
    return [family, pct(f.share, 0), 'on', f.strategies.join(', '), fmt(f.capital, 2), f.orders, f.fills, f.vetoes, signed(f.pnl), risk, pct(weight ?? null, 1)];
  });
  return table(['family', 'share', 'state', 'strategies / why off', 'capital', 'orders', 'fills', 'vetoes', 'P&L', 'risk state', 'share at the end'], rows, 'families-table');
}

function idleNote(s: SessionSummary): string {
  const off = Object.values(s.strategies).filter((f) => !f.enabled).reduce((n, f) => n + f.capital, 0);
  const held = Object.values(s.strategies).reduce((n, f) => n + f.capital, 0);
  const unallocated = Math.max(0, s.equityStart - held);
  return `Idle capital: ${fmt(off + unallocated, 2)} of ${fmt(s.equityStart, 2)} (${fmt(off, 2)} of families that are off, ${fmt(unallocated, 2)} allocated to no family). It earns nothing and is counted at its value in the session's equity.`;
}

function reallocationsTable(data: SessionReportData): string {
  const rows = data.allocations.flatMap((r, i) =>
    Object.keys(r.after).map((family) => {
      const f = family as Family;
      const input = r.inputs[f];
      return [i + 1, wallTime(r.ts), f, pct(r.before[f] ?? null), pct(r.after[f] ?? null), input?.samples ?? '—', fmt(input?.mean ?? null, 6), fmt(input?.std ?? null, 6), fmt(input?.sharpe ?? null), fmt(input?.shrunk ?? null), r.outcome, r.detail];
    }),
  );
  return table(['#', 'time (UTC, wall)', 'family', 'share before', 'share after', 'returns', 'mean return', 'std', 'Sharpe', 'shrunk Sharpe', 'outcome', 'detail'], rows, 'reallocations-table');
}

function allocatorSection(s: SessionSummary, data: SessionReportData): string {
  const a = s.allocator;
  const samples = Object.entries(a.samples).map(([f, n]) => `${esc(f)} ${n}`).join(', ') || 'none';
  const counted = a.reallocations.length === data.allocations.length ? '' : ` <strong>The summary counts ${a.reallocations.length} reallocation(s), the journal holds ${data.allocations.length}.</strong>`;
  const list = data.allocations.length === 0 ? '<p>No reallocation in this session.</p>' : reallocationsTable(data);
  return `<h2>Allocator</h2>
<p class="note">State <b>${esc(a.enabled ? a.state : 'off')}</b>: ${esc(a.why)}. Returns in each family's window: ${samples}.${counted}
Each reallocation moves capital by the families' shrunk Sharpe ratios (per-sample mean / std of their equity returns, × n/(n+k)); the inputs are as the journal holds them.</p>
<div id="weights-chart"></div>
<h3>Reallocations (${data.allocations.length})</h3>${list}`;
}

function arbitrageSection(f: FamilyReport | undefined): string {
  if (!f) return '';
  const outcomes = (f['outcomes'] ?? {}) as Record<string, Partial<Record<(typeof OUTCOMES)[number], number>>>;
  const realized = (f['realizedByCurrency'] ?? {}) as Record<string, number>;
  const strategies = Object.entries(outcomes);
  const byStrategy = strategies.length === 0
    ? '<p>No arbitrage window was traded.</p>'
    : table(['strategy', ...OUTCOMES], strategies.map(([name, n]) => [name, ...OUTCOMES.map((o) => n[o] ?? 0)]), 'arbitrage-table');
  const currencies = Object.entries(realized);
  const pnl = currencies.length === 0 ? '' : table(['currency', 'realized'], currencies.map(([c, x]) => [c, fmt(x, 8)]), 'arbitrage-pnl-table');
  const windows = typeof f['windows'] === 'number' ? ` ${f['windows']} arbitrage window(s) opened on the local exchanges.` : '';
  return `<h2>Arbitrage outcomes</h2><p class="note">How each multi-leg trade ended, per strategy.${windows}</p>${byStrategy}${pnl}`;
}

/** The universe family's rebalances, in its quote currency (its P&L there is the ledger's). */
function quantumSection(f: FamilyReport | undefined): string {
  const choices = f?.['choices'] as ChoiceComparison | undefined;
  const quote = f?.['quote'] as { currency: string; value: number; capital: number; pnl: number } | undefined;
  const symbols = (f?.['symbols'] as string[] | undefined) ?? [];
  if (!f || !choices || !quote) return '';
  const strategy = { name: choices.strategy, symbol: symbols.join(','), capital: quote.capital, equity: [quote.capital + quote.pnl], choices };
  return `<p class="note">quantum_trading trades in ${esc(quote.currency)}, counted at ${esc(String(quote.value))} each (replay.universeQuoteValue).</p>
${choicesSection([strategy], { chart: false })}`;
}

function flashSection(f: FamilyReport | undefined): string {
  const chain = f?.['chain'] as FlashSummary | undefined;
  if (!chain) return '';
  const rows: [string, unknown][] = [
    ['blocks', chain.blocks], ['opportunities (cycles proposed to risk)', chain.opportunities], ['vetoes', chain.vetoes],
    ['bundles sent', chain.bundlesSent], ['bundles landed', chain.bundlesLanded], ['bundles dropped', chain.bundlesDropped],
    ['landed with realized = predicted, to the wei', chain.landedExact],
    ['profit realized (wei)', chain.realizedProfitWei], ['profit predicted (wei)', chain.predictedProfitWei], ['gas spent (wei)', chain.gasSpentWei],
    ['WETH price (quote)', fmt(chain.wethPriceQuote, 2)], ['realized P&L (quote)', signed(chain.pnlQuote)], ['simulated trader swaps', chain.traderSwaps],
  ];
  const inexact = chain.inexact.length === 0 ? '' : table(['tx', 'block', 'predicted net (wei)', 'realized net (wei)'], chain.inexact.map((b) => [b.txHash, b.block, b.predictedNetWei, b.realizedNetWei ?? '—']), 'flash-inexact-table');
  return `<h2>Flash loans on the local chain</h2>${table(['figure', 'value'], rows, 'flash-table')}${inexact}`;
}

/** One self-contained HTML file (uPlot and data inlined, no network) for a paper session: families, their equity, the allocator. */
export function renderSessionReport(input: SessionReportInput): string {
  const { summary: s, data } = input;
  const { js, css } = uplotAssets();
  const running = enabledReports(s);
  const start: Partial<Record<Family, number>> = Object.fromEntries(running.map((f) => [f.family, f.equityStart]));
  const staticWeights: Weights = Object.fromEntries(running.map((f) => [f.family, f.share]));
  const charts = equityCharts(data.equity, start);
  const sampled = Object.values(data.equity).flat().map((p) => p.ts);
  const weights = weightsChart(staticWeights, data.allocations, sampled.length ? Math.min(...sampled) : undefined, sampled.length ? Math.max(...sampled) : undefined);
  const title = `Paper session ${s.session}`;
  const pnl = s.equityEnd - s.equityStart;
  const interrupted = s.interrupted ? `; interrupted by ${esc(s.interrupted)}` : '';
  const noEquity = charts.equity.x.length === 0
    ? '<p>No equity sample was journaled: the session ended before the first one (every allocator.sampleEveryMs of wall time).</p>'
    : '';

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${css}</style><style>${STYLE}</style></head>
<body>
<h1>${esc(title)}: measured in simulation; not a forecast</h1>
<p class="note">${esc(s.symbol)}: ${s.bars} bars replayed in ${fmt(s.wallSeconds, 1)} s of wall time${interrupted}. Equity ${fmt(s.equityStart, 2)} → ${fmt(s.equityEnd, 2)}
(${esc(signed(pnl))}), risk ${esc(s.riskState)}${s.haltedBy ? ` (${esc(s.haltedBy)})` : ''}; orders ${s.orders}, fills ${s.fills}, vetoes ${s.vetoes}, restarts ${s.restarts}, dead letters ${s.deadLetters}.
Reconciled from earlier runs: ${s.reconciled.settled} settled, ${s.reconciled.cancelled} cancelled, ${s.reconciled.lost} lost, ${s.reconciled.unresolved} unresolved. Journal: ${esc(s.db)}.</p>
<h2>Families</h2>${familiesTable(s)}
<p class="note">${idleNote(s)}</p>
<h2>Equity per family</h2>
<p class="note">Every family's equity (its starting capital plus its P&amp;L; a reallocation moves neither) as the allocator sampled it, on the wall clock all families share. The market-making family replays its recording on a simulated clock; its samples are taken on the wall clock all the same.</p>
${noEquity}<div id="equity-chart"></div><div id="pnl-chart"></div>
${allocatorSection(s, data)}
${arbitrageSection(running.find((f) => f.family === 'arbitrage'))}
${flashSection(running.find((f) => f.family === 'flash_loans'))}
${quantumSection(running.find((f) => f.family === 'quantum_trading'))}
<script id="session-data" type="application/json">${scriptJson({ equity: charts.equity, pnl: charts.pnl, weights })}</script>
<script>${js}</script>
<script>${SESSION_CHARTS_SCRIPT}</script>
</body></html>
`;
}
