import { checkSize } from '../brute-force.js';
import { InputError } from '../../runtime/errors.js';
import type { Qubo } from '../qubo.js';
import { dickeState, popcount } from '../sim/dicke.js';
import { sample } from '../sim/sample.js';
import { StateVector } from '../sim/state-vector.js';
import { applyLayers, type Mixer } from './ansatz.js';
import { defaultPenalty, quboToIsing, quboValues, withBudgetPenalty, type Ising } from './ising.js';
import { optimiseAngles } from './optimise-angles.js';

export interface QaoaOptions {
  layers: number;
  mixer: Mixer;
  budget: number;
  /** λ of the `x` mixer's penalty λ(Σx − B)²; default `defaultPenalty` (ignored by `xy`). */
  penalty?: number;
  seed: number;
  /** Measurements drawn from the final state; default 1024. */
  shots?: number;
}

export interface QaoaResult {
  /** The circuit's cost Hamiltonian in Ising form: the QUBO's for `xy`, the QUBO plus the budget penalty for `x`. */
  ising: Ising;
  /** The applied angles: layer l is exp(−iβ_l B) exp(−iγ_l C) with C the cost above (offset included). */
  angles: { gamma: number[]; beta: number[] };
  /** ⟨ψ(γ,β)| C |ψ(γ,β)⟩ of the QUBO objective (not the penalised one), on the final state. */
  energy: number;
  /** Σ |amp|² over the basis states that are exact optima (feasible, Σx = budget). */
  probabilityOfOptimum: number;
  /** Σ |amp|² over Σx = budget. */
  feasibleProbability: number;
  /** The feasible sampled selection with the best QUBO objective (objective NaN, all zeros, if no shot was feasible). */
  best: { selection: (0 | 1)[]; objective: number };
  samples: number;
  /** Objective evaluations (circuit simulations) the outer optimiser used. */
  evaluations: number;
}

const DEFAULT_SHOTS = 1024;

/**
 * QAOA on a classical state-vector simulation: choose B of n (Σx = budget) minimising the QUBO. `x`: start |+⟩ⁿ, X
 * mixer, cost = QUBO + λ(Σx − B)². `xy`: start |D(n, B)⟩, XY ring mixer, cost = QUBO; the state never leaves Σx = B.
 * Angles minimise the expected cost of the circuit (see optimiseAngles); γ is searched in units of 1/σ, σ the
 * standard deviation of the cost over the start state's distribution, so the grid suits any scale of the problem.
 */
export function solveQubo(qubo: Qubo, opts: QaoaOptions): QaoaResult {
  checkOptions(qubo, opts);
  const { n } = qubo;
  const circuitQubo = opts.mixer === 'x' ? withBudgetPenalty(qubo, opts.budget, opts.penalty ?? defaultPenalty(qubo)) : qubo;
  const objective = quboValues(qubo);
  const cost = opts.mixer === 'x' ? quboValues(circuitQubo) : objective;
  const start = opts.mixer === 'x' ? StateVector.plus(n) : dickeState(n, opts.budget);
  const scale = spread(start, cost);
  const work = new StateVector(n);
  const run = (gamma: readonly number[], beta: readonly number[]) => {
    work.copyFrom(start);
    applyLayers(work, cost, opts.mixer, gamma, beta);
    return work;
  };
  const found = optimiseAngles(({ gamma, beta }) => run(gamma.map((g) => g / scale), beta).expectation(cost), { layers: opts.layers });
  const angles = { gamma: found.angles.gamma.map((g) => g / scale), beta: found.angles.beta };
  const state = run(angles.gamma, angles.beta);

  let optimum = Infinity;
  for (let k = 0; k < state.size; k++) if (popcount(k) === opts.budget && objective[k]! < optimum) optimum = objective[k]!;
  const tie = 1e-12 * Math.max(1, Math.abs(optimum));
  let probabilityOfOptimum = 0, feasibleProbability = 0;
  for (let k = 0; k < state.size; k++) {
    if (popcount(k) !== opts.budget) continue;
    const p = state.probability(k);
    feasibleProbability += p;
    if (objective[k]! <= optimum + tie) probabilityOfOptimum += p;
  }

  const samples = opts.shots ?? DEFAULT_SHOTS;
  let bestIndex = -1;
  for (const k of sample(state, samples, opts.seed)) {
    if (popcount(k) === opts.budget && (bestIndex < 0 || objective[k]! < objective[bestIndex]!)) bestIndex = k;
  }
  const selection = Array.from({ length: n }, (_, i) => (bestIndex >= 0 ? ((bestIndex >>> i) & 1) : 0) as 0 | 1);
  return {
    ising: quboToIsing(circuitQubo),
    angles,
    energy: state.expectation(objective),
    probabilityOfOptimum,
    feasibleProbability,
    best: { selection, objective: bestIndex >= 0 ? objective[bestIndex]! : NaN },
    samples,
    evaluations: found.evaluations,
  };
}

/** Standard deviation of the cost under the start state's |amp|² (1 if the cost is flat there). */
function spread(state: StateVector, cost: Float64Array): number {
  const mean = state.expectation(cost);
  let variance = 0;
  for (let k = 0; k < state.size; k++) variance += state.probability(k) * (cost[k]! - mean) ** 2;
  return variance > 1e-24 ? Math.sqrt(variance) : 1;
}

function checkOptions(qubo: Qubo, opts: QaoaOptions): void {
  checkSize(qubo.n, opts.budget);
  const issues: string[] = [];
  if (!Number.isInteger(opts.layers) || opts.layers < 1) issues.push(`layers: ${opts.layers} is not a positive integer`);
  if (opts.mixer !== 'x' && opts.mixer !== 'xy') issues.push(`mixer: ${String(opts.mixer)} is neither x nor xy`);
  if (opts.penalty !== undefined && !(opts.penalty >= 0)) issues.push(`penalty: ${opts.penalty} is not ≥ 0`);
  if (opts.shots !== undefined && (!Number.isInteger(opts.shots) || opts.shots < 1)) issues.push(`shots: ${opts.shots} is not a positive integer`);
  if (qubo.Q.length !== qubo.n || qubo.Q.some((row) => row.length !== qubo.n) || qubo.c.length !== qubo.n) issues.push(`Q, c: not ${qubo.n}×${qubo.n} and ${qubo.n}`);
  if (issues.length > 0) throw new InputError('quantum: bad QAOA options', issues);
}
