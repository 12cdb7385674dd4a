/** Expected returns and their covariance, in the same period units. */
export interface Moments {
  mu: number[];
  sigma: number[][];
}

/**
 * μ = the mean return per row, Σ = the sample covariance (n − 1 in the denominator) of `returns[t][i]`
 * (row t, asset i). With `periodsPerYear`, both are annualised by that factor (log returns add over periods,
 * so μ and Σ scale linearly): the portfolio objective scales by the same factor and its optimum does not move.
 */
export function estimateMoments(returns: readonly (readonly number[])[], options: { periodsPerYear?: number } = {}): Moments {
  const rows = returns.length;
  const n = returns[0]?.length ?? 0;
  const scale = options.periodsPerYear ?? 1;
  const mean = Array.from({ length: n }, (_, i) => returns.reduce((s, r) => s + r[i]!, 0) / rows);
  const sigma = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (const r of returns) s += (r[i]! - mean[i]!) * (r[j]! - mean[j]!);
      sigma[i]![j] = sigma[j]![i] = (s / (rows - 1)) * scale;
    }
  }
  return { mu: mean.map((m) => m * scale), sigma };
}
