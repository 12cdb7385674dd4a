/** What a long/flat trader needs to know of each test sample, in time order. */
export interface Outcome {
  /** Open time of bar t, where the decision is taken at its close. */
  ts: number;
  up: 0 | 1;
  /** Log return of bar t+1. */
  nextReturn: number;
}

/**
 * P&L of going long over bar t+1 whenever `long[i]`, flat otherwise: the sum of the held bars' log returns minus
 * `fee` (a taker rate) at each entry and each exit. A position still open at a break in the samples (the next sample
 * is not the next bar) or at the end is closed there. `equity[i]` is the running P&L after sample i's bar.
 */
export function longFlatPnl(long: readonly boolean[], outcomes: readonly Outcome[], fee: number, timeframeMs: number): { pnl: number; equity: number[]; trades: number } {
  let pnl = 0;
  let trades = 0;
  const equity: number[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i]!;
    const held = i > 0 && long[i - 1]! && outcomes[i - 1]!.ts + timeframeMs === o.ts;
    if (long[i] && !held) {
      pnl -= fee;
      trades++;
    }
    if (long[i]) pnl += o.nextReturn;
    const next = outcomes[i + 1];
    const continues = next !== undefined && long[i + 1]! && o.ts + timeframeMs === next.ts;
    if (long[i] && !continues) pnl -= fee;
    equity.push(pnl);
  }
  return { pnl, equity, trades };
}
