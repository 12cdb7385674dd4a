/** Equity curves and drawdowns from periodic returns. */

/** Compounded equity after each period, starting from `start` (not included in the result). */
export function equityFromReturns(returns: readonly number[], start = 1): number[] {
  const out = new Array<number>(returns.length);
  let e = start;
  for (let i = 0; i < returns.length; i++) {
    e *= 1 + returns[i]!;
    out[i] = e;
  }
  return out;
}

/** Simple returns between consecutive equity values: r_i = e_i / e_{i-1} - 1, with e_{-1} = start. */
export function returnsFromEquity(equity: readonly number[], start: number): number[] {
  const out = new Array<number>(equity.length);
  let prev = start;
  for (let i = 0; i < equity.length; i++) {
    out[i] = equity[i]! / prev - 1;
    prev = equity[i]!;
  }
  return out;
}

/**
 * Drawdown after each period as a negative fraction of the running peak.
 * The starting capital counts as a peak, so an immediate loss is a drawdown.
 */
export function drawdownSeries(equity: readonly number[], start: number): number[] {
  const out = new Array<number>(equity.length);
  let peak = start;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i]!;
    if (e > peak) peak = e;
    out[i] = e / peak - 1;
  }
  return out;
}

/** Peak-to-trough drawdown: the most negative value of drawdownSeries, 0 when equity never fell below a peak. */
export function maxDrawdown(equity: readonly number[], start: number): number {
  let worst = 0;
  let peak = start;
  for (const e of equity) {
    if (e > peak) peak = e;
    const dd = e / peak - 1;
    if (dd < worst) worst = dd;
  }
  return worst;
}
