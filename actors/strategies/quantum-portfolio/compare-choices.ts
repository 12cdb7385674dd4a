import type { RebalanceMessage as QuantumRebalance } from './messages.js';

/** One rebalance as the comparison table shows it. */
export interface RebalanceRow {
  ts: number;
  qaoa: string[];
  exact: string[];
  /** QAOA's pick is an exact optimum (same objective to 1e-12 relative). */
  optimal: boolean;
  qaoaObjective: number;
  exactObjective: number;
  probabilityOfOptimum: number;
  uniformProbability: number;
  approximationRatio: number;
  orders: number;
  /** Measurements drawn from QAOA's state (the strategy's `shots`). */
  shots: number;
  /** Chance that `shots` measurements of QAOA's state contain an optimum, 1 − (1 − probabilityOfOptimum)^shots. */
  optimumInShots: number;
  /** Chance that `shots` uniformly random feasible picks contain an optimum, 1 − (1 − uniformProbability)^shots. */
  uniformOptimumInShots: number;
}

/** P&L of holding each rule's portfolio from rebalance to rebalance, traded at the closes decided on with the taker fee. */
export interface ChoicePnl {
  qaoa: number;
  exact: number;
  /** The same invested value spread equally over every market. */
  equalWeight: number;
}

export interface ChoiceComparison {
  strategy: string;
  rebalances: RebalanceRow[];
  /** Rebalances where QAOA's pick was an exact optimum. */
  optimal: number;
  pnl: ChoicePnl;
}

/** 1 − (1 − p)^shots without losing a small p to rounding. */
const inShots = (p: number, shots: number) => -Math.expm1(shots * Math.log1p(-Math.min(1, Math.max(0, p))));

const chosen = (symbols: readonly string[], selection: readonly (0 | 1)[]) => symbols.filter((_, i) => selection[i] === 1);

/**
 * Each rebalance's QAOA pick beside the brute-force optimum, and what three portfolios would have made: QAOA's picks,
 * the exact optima, and equal weight over every market, each holding `value` per picked market (equal weight: the same
 * total over all of them), rebalanced at the closes the strategy decided on, paying `feeRate` on what it trades, and
 * marked at `finalCloses`. The strategy's own P&L (its fills, a bar later, through risk) is reported beside it. Pure.
 */
export function compareChoices(rebalances: readonly QuantumRebalance[], finalCloses: readonly number[], capital: number, feeRate: number): ChoiceComparison | undefined {
  const first = rebalances[0];
  if (!first) return undefined;
  const n = first.symbols.length;
  const rows = rebalances.map(
    (r): RebalanceRow => ({
      ts: r.ts,
      qaoa: chosen(r.symbols, r.qaoa),
      exact: chosen(r.symbols, r.exact),
      optimal: r.qaoaObjective - r.exactObjective <= 1e-12 * Math.max(1, Math.abs(r.exactObjective)),
      qaoaObjective: r.qaoaObjective,
      exactObjective: r.exactObjective,
      probabilityOfOptimum: r.probabilityOfOptimum,
      uniformProbability: r.uniformProbability,
      approximationRatio: r.approximationRatio,
      orders: r.orders,
      shots: r.shots,
      optimumInShots: inShots(r.probabilityOfOptimum, r.shots),
      uniformOptimumInShots: inShots(r.uniformProbability, r.shots),
    }),
  );
  const run = (targets: (r: QuantumRebalance) => number[]) => {
    let cash = capital;
    const held = new Array<number>(n).fill(0);
    for (const r of rebalances) {
      const want = targets(r);
      for (let i = 0; i < n; i++) {
        const price = r.closes[i]!;
        const delta = want[i]! / price - held[i]!;
        cash -= delta * price + Math.abs(delta) * price * feeRate;
        held[i] = want[i]! / price;
      }
    }
    return cash + held.reduce((a, h, i) => a + h * finalCloses[i]!, 0) - capital;
  };
  const budget = first.qaoa.reduce<number>((a, b) => a + b, 0) || first.exact.reduce<number>((a, b) => a + b, 0);
  return {
    strategy: first.strategy,
    rebalances: rows,
    optimal: rows.filter((r) => r.optimal).length,
    pnl: {
      qaoa: run((r) => r.qaoa.map((x) => x * r.value)),
      exact: run((r) => r.exact.map((x) => x * r.value)),
      equalWeight: run((r) => r.symbols.map(() => (r.value * budget) / n)),
    },
  };
}
