import { strategyPnl, type StrategyResult } from '../../backtest/summarize.js';
import { choiceNotes, choicePnl, choiceTable, optimumCount, PNL_NOTE, QAOA_NOTE } from '../../strategies/quantum-portfolio/choice-lines.js';
import { esc, table } from './html.js';

/** Per strategy with choices, what its chart draws: each rebalance's P(optimum) of one measurement beside a uniform pick's. */
export function choicesChartData(strategies: readonly Pick<StrategyResult, 'name' | 'choices'>[]): { name: string; ts: number[]; qaoa: number[]; uniform: number[] }[] {
  return strategies.flatMap((s) =>
    s.choices ? [{ name: s.name, ts: s.choices.rebalances.map((r) => r.ts), qaoa: s.choices.rebalances.map((r) => r.probabilityOfOptimum), uniform: s.choices.rebalances.map((r) => r.uniformProbability) }] : [],
  );
}

/**
 * The report's section for each quantum-portfolio strategy: every rebalance's QAOA pick beside the exact optimum, a
 * chart of P(optimum) (`choices-chart-<k>`, k counting the strategies with choices, as choicesChartData lists them),
 * and its P&L beside the QAOA, exact-optimum and equal-weight portfolios. Empty when no strategy has choices.
 */
export function choicesSection(strategies: readonly Pick<StrategyResult, 'name' | 'symbol' | 'capital' | 'equity' | 'choices'>[], options: { chart?: boolean } = {}): string {
  return strategies
    .filter((s) => s.choices)
    .map((s, k) => {
      const c = s.choices!;
      const { headers, rows } = choiceTable(c);
      return `<h2>QAOA beside the exact optimum: ${esc(s.name)} (${esc(s.symbol)})</h2>
<p class="note">${esc(QAOA_NOTE)}</p>
<div class="scroll">${table(headers, rows, `choices-table-${k}`)}</div>
<p class="note">${choiceNotes(c).map(esc).join('<br>')}</p>
${options.chart === false ? '' : `<div id="choices-chart-${k}"></div>`}
<p class="note">P&amp;L, quote currency: ${esc(PNL_NOTE)}.</p>
${table(['portfolio', 'P&L'], choicePnl(c, strategyPnl(s)), `choices-pnl-${k}`)}
<p><b>${esc(optimumCount(c))}</b></p>`;
    })
    .join('\n');
}
