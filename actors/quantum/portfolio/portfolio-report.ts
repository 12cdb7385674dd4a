import { bruteForce } from '../brute-force.js';
import { solveQubo, type QaoaOptions, type QaoaResult } from '../qaoa/solve-qubo.js';
import type { Qubo } from '../qubo.js';
import type { Moments } from './moments.js';

/** Said by every output that shows a QAOA result. */
export const SIMULATION_NOTE = 'classical state-vector simulation of a quantum algorithm (no quantum hardware)';

/** A QAOA solver: `solveQubo`, or a stand-in with its signature in tests. */
export type QaoaSolve = (qubo: Qubo, opts: QaoaOptions) => Pick<QaoaResult, 'ising' | 'angles' | 'energy' | 'probabilityOfOptimum' | 'feasibleProbability' | 'best' | 'samples' | 'evaluations'>;

export interface PortfolioReportOptions extends QaoaOptions {
  /** The risk aversion q the QUBO was built with. */
  risk: number;
  /** The μ and Σ the QUBO was built from, shown in the report. */
  moments: Moments;
}

export interface PortfolioReport {
  note: string;
  assets: string[];
  budget: number;
  risk: number;
  exact: { selection: (0 | 1)[]; objective: number; assets: string[]; feasible: number; optima: number };
  /** Drawing a feasible portfolio uniformly at random: the chance of an optimum (optima / feasible), and the mean objective. */
  uniformProbability: number;
  uniformObjective: number;
  qaoa: {
    selection: (0 | 1)[];
    objective: number;
    assets: string[];
    probabilityOfOptimum: number;
    feasibleProbability: number;
    approximationRatio: number;
    layers: number;
    mixer: 'x' | 'xy';
    energy: number;
    angles: { gamma: number[]; beta: number[] };
    samples: number;
    evaluations: number;
  };
  /** The cost the circuit applies in Ising form (with the budget penalty for the x mixer). */
  ising: QaoaResult['ising'];
  mu: number[];
  sigma: number[][];
}

/**
 * The portfolio problem's answer: the exact optimum by brute force over the C(n, B) portfolios, what a uniformly
 * random portfolio gets, and QAOA's result beside them. The approximation ratio is
 * (worst − ⟨C⟩)/(worst − optimum) over the feasible portfolios: 1 when the state is all optima, 0 when all
 * the worst portfolio (with the X mixer infeasible states can take it outside [0, 1]).
 */
export function portfolioReport(qubo: Qubo, names: readonly string[], opts: PortfolioReportOptions, solve: QaoaSolve = solveQubo): PortfolioReport {
  const exact = bruteForce(qubo, opts.budget);
  const values = Array.from(exact.values);
  const worst = Math.max(...values);
  const tolerance = 1e-12 * Math.max(1, Math.abs(exact.objective));
  const optima = values.filter((v) => v - exact.objective <= tolerance).length;
  const pick = (selection: readonly (0 | 1)[]) => names.filter((_, i) => selection[i] === 1);
  const { layers, mixer, budget, penalty, seed, shots } = opts;
  const solution = solve(qubo, { layers, mixer, budget, penalty, seed, shots });
  return {
    note: SIMULATION_NOTE,
    assets: [...names],
    budget,
    risk: opts.risk,
    exact: { selection: exact.selection, objective: exact.objective, assets: pick(exact.selection), feasible: exact.feasible, optima },
    uniformProbability: optima / exact.feasible,
    uniformObjective: values.reduce((s, v) => s + v, 0) / values.length,
    qaoa: {
      selection: solution.best.selection,
      objective: solution.best.objective,
      assets: pick(solution.best.selection),
      probabilityOfOptimum: solution.probabilityOfOptimum,
      feasibleProbability: solution.feasibleProbability,
      approximationRatio: worst === exact.objective ? 1 : (worst - solution.energy) / (worst - exact.objective),
      layers,
      mixer,
      energy: solution.energy,
      angles: solution.angles,
      samples: solution.samples,
      evaluations: solution.evaluations,
    },
    ising: solution.ising,
    mu: opts.moments.mu,
    sigma: opts.moments.sigma,
  };
}
