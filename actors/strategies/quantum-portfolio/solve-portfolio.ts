import { portfolioQubo } from '../../quantum/portfolio/portfolio-qubo.js';
import { estimateMoments } from '../../quantum/portfolio/moments.js';
import { portfolioReport, type QaoaSolve } from '../../quantum/portfolio/portfolio-report.js';
import { solveQubo } from '../../quantum/qaoa/solve-qubo.js';
import type { QuantumPortfolioParams } from './params.js';

/** One rebalance's choice: QAOA's pick (the best feasible sample) beside the exact optimum of the same problem. */
export interface PortfolioChoice {
  /** Per market, in the strategy's order. */
  qaoa: (0 | 1)[];
  exact: (0 | 1)[];
  qaoaObjective: number;
  exactObjective: number;
  /** Chance the optimised state measures an optimum, and the chance a uniformly random feasible pick is one. */
  probabilityOfOptimum: number;
  uniformProbability: number;
  approximationRatio: number;
}

/**
 * Estimates μ, Σ from trailing log returns (rows × markets), builds the QUBO and runs QAOA (a classical state-vector
 * simulation) beside brute force. `solve` is solveQubo except in tests.
 */
export function solvePortfolio(returns: readonly (readonly number[])[], symbols: readonly string[], p: QuantumPortfolioParams, seed: number, solve: QaoaSolve = solveQubo): PortfolioChoice {
  const moments = estimateMoments(returns);
  const report = portfolioReport(portfolioQubo(moments, p.risk), symbols, { layers: p.layers, mixer: p.mixer, budget: p.budget, seed, shots: p.shots, risk: p.risk, moments }, solve);
  return {
    qaoa: report.qaoa.selection,
    exact: report.exact.selection,
    qaoaObjective: report.qaoa.objective,
    exactObjective: report.exact.objective,
    probabilityOfOptimum: report.qaoa.probabilityOfOptimum,
    uniformProbability: report.uniformProbability,
    approximationRatio: report.qaoa.approximationRatio,
  };
}
