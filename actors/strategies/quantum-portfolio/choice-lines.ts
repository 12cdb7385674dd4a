import { SIMULATION_NOTE } from '../../quantum/portfolio/portfolio-report.js';
import type { ChoiceComparison, RebalanceRow } from './compare-choices.js';

const minute = (ts: number) => new Date(ts).toISOString().slice(0, 16).replace('T', ' ');
const markets = (symbols: readonly string[]) => (symbols.length > 0 ? symbols.join(',') : 'none');
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);
const prob = (p: number) => p.toFixed(4);
const money = (x: number) => x.toFixed(6);

/** The comparison table, one row of cells per rebalance; the text and HTML reports both show it. */
export function choiceTable(c: ChoiceComparison): { headers: string[]; rows: string[][] } {
  const shots = c.rebalances[0]?.shots ?? 0;
  return {
    headers: ['time (UTC)', 'QAOA', 'exact optimum', 'P(optimum)', 'uniform', `QAOA, ${shots} shots`, `uniform, ${shots} picks`, 'approx. ratio', 'orders'],
    rows: c.rebalances.map((r: RebalanceRow) => [
      minute(r.ts),
      markets(r.qaoa),
      same(r.qaoa, r.exact) ? 'same' : markets(r.exact),
      prob(r.probabilityOfOptimum),
      prob(r.uniformProbability),
      prob(r.optimumInShots),
      prob(r.uniformOptimumInShots),
      r.approximationRatio.toFixed(4),
      String(r.orders),
    ]),
  };
}

export const QAOA_NOTE = `QAOA here is a ${SIMULATION_NOTE}.`;

/** What the table's columns mean, one sentence each. */
export function choiceNotes(c: ChoiceComparison): string[] {
  const shots = c.rebalances[0]?.shots ?? 0;
  return [
    'P(optimum): the chance one measurement of QAOA\'s state is an optimum, beside the chance a uniformly random feasible pick is one; these per-shot probabilities are the comparison.',
    `QAOA, ${shots} shots: the chance ${shots} measurements contain an optimum (then the traded pick is one), beside ${shots} uniform picks; with many shots both are often near 1.`,
    'approx. ratio: (worst − expected objective)/(worst − optimum) over the feasible portfolios, 1 when the state is all optima.',
  ];
}

/** The strategy's P&L from its own fills beside the three shadow portfolios', as label and amount (quote currency). */
export function choicePnl(c: ChoiceComparison, ownPnl: number): [string, string][] {
  return [
    ['strategy (own fills)', money(ownPnl)],
    ["QAOA's picks", money(c.pnl.qaoa)],
    ['exact optima', money(c.pnl.exact)],
    ['equal weight', money(c.pnl.equalWeight)],
  ];
}

export const PNL_NOTE = 'the three portfolios trade at the closes each rebalance was decided on, with the taker fee; the strategy fills a bar later, through risk';

export const optimumCount = (c: ChoiceComparison) => `QAOA picked an optimum in ${c.optimal} of ${c.rebalances.length} rebalances`;

/** Cells padded to aligned columns: the first `left` columns left-aligned, the rest (numbers) right-aligned. */
function aligned(rows: readonly (readonly string[])[], left: number): string[] {
  const widths = (rows[0] ?? []).map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
  return rows.map((r) => `  ${r.map((cell, k) => (k < left ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join('  ')}`.trimEnd());
}

/** A quantum-portfolio run's choices as terminal lines: the table per rebalance, what it means, and the P&L beside the portfolios'. Pure. */
export function choiceLines(c: ChoiceComparison, ownPnl: number): string[] {
  const { headers, rows } = choiceTable(c);
  return [
    `${c.strategy}: QAOA's pick beside the brute-force optimum at each rebalance`,
    QAOA_NOTE,
    ...aligned([headers, ...rows], 3),
    ...choiceNotes(c).map((n) => `  ${n}`),
    `P&L, quote currency (${PNL_NOTE}):`,
    ...aligned(choicePnl(c, ownPnl), 1),
    optimumCount(c),
  ];
}
