import type { PortfolioReport } from './portfolio-report.js';

const num = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toFixed(6) : x.toExponential(4));

/** The report for a terminal: the note, one row per asset (μ, σ, the exact and QAOA picks), then the answers. */
export function portfolioLines(report: PortfolioReport): string[][] {
  const header = ['asset', 'mu', 'sigma', 'exact', 'qaoa'];
  const rows = report.assets.map((name, i) => [
    name,
    num(report.mu[i]!),
    num(Math.sqrt(Math.max(0, report.sigma[i]![i]!))),
    report.exact.selection[i] === 1 ? 'x' : '',
    report.qaoa?.selection[i] === 1 ? 'x' : '',
  ]);
  return [header, ...rows];
}

/** The lines under the table. */
export function portfolioSummaryLines(report: PortfolioReport): string[] {
  const { exact, qaoa } = report;
  const lines = [
    `exact optimum (brute force over ${exact.feasible} portfolios of ${report.budget}, risk aversion ${report.risk}): ${exact.assets.join(', ')}, objective ${num(exact.objective)}` +
      (exact.optima > 1 ? ` (${exact.optima} tied optima)` : ''),
    `a uniformly random portfolio of ${report.budget}: optimum with probability ${report.uniformProbability.toPrecision(4)}, mean objective ${num(report.uniformObjective)}`,
  ];
  lines.push(
      `QAOA (p = ${qaoa.layers}, ${qaoa.mixer} mixer): best sampled ${qaoa.assets.join(', ')}, objective ${num(qaoa.objective)}; ` +
        `optimum with probability ${qaoa.probabilityOfOptimum.toPrecision(4)}, feasible ${qaoa.feasibleProbability.toPrecision(4)}, ` +
        `⟨C⟩ ${num(qaoa.energy)}, approximation ratio ${qaoa.approximationRatio.toFixed(4)}`,
  );
  return lines;
}
