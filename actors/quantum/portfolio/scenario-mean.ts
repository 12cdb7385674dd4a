import { seededRandom } from '../../runtime/random.js';

/**
 * Expected returns under sampled scenarios: each of `scenarios` scenarios redraws as many rows of `returns`
 * (row t = every asset's return on bar t, so assets keep their joint moves) uniformly with replacement, seeded,
 * and takes each asset's mean; μ is the mean over the scenarios, `spread` each asset's standard deviation of
 * the scenario means (how much μ moves between scenarios).
 */
export function scenarioMean(returns: readonly (readonly number[])[], options: { scenarios: number; seed: number }): { mu: number[]; spread: number[] } {
  const rows = returns.length;
  const n = returns[0]?.length ?? 0;
  const random = seededRandom(options.seed);
  const means: number[][] = [];
  for (let s = 0; s < options.scenarios; s++) {
    const sum = new Array<number>(n).fill(0);
    for (let t = 0; t < rows; t++) {
      const row = returns[Math.floor(random() * rows)]!;
      for (let i = 0; i < n; i++) sum[i]! += row[i]!;
    }
    means.push(sum.map((x) => x / rows));
  }
  const mu = Array.from({ length: n }, (_, i) => means.reduce((s, m) => s + m[i]!, 0) / means.length);
  const spread = mu.map((m, i) => (means.length < 2 ? 0 : Math.sqrt(means.reduce((s, x) => s + (x[i]! - m) ** 2, 0) / (means.length - 1))));
  return { mu, spread };
}
