import { nelderMead } from './nelder-mead.js';

/** Angles of p layers: γ_l for the cost, β_l for the mixer. */
export interface Angles {
  gamma: number[];
  beta: number[];
}

export interface AngleSearch {
  layers: number;
  /** Grid points per axis for the p = 1 scan. */
  grid?: number;
  /** Grid points kept as Nelder–Mead starts at p = 1. */
  starts?: number;
  /** Nelder–Mead evaluations per start and per parameter. */
  evaluationsPerParameter?: number;
}

/**
 * Minimise `energy(γ, β)` over p layers, layer by layer: at p = 1 a grid over γ ∈ (0, π], β ∈ [−π/2, π/2) (γ < 0 is
 * the mirror image, E(−γ, −β) = E(γ, β) for a real cost and a real start state), Nelder–Mead from the best few grid
 * points; for each further layer Nelder–Mead from two starts: INTERP (Zhou et al. 2020, PRX 10, 021067) of the
 * previous optimum, and the previous optimum with a zero layer appended (so adding a layer never makes it worse).
 * Deterministic, hence seeded by construction. γ here is in units of 1/scale of the cost (the caller divides).
 */
export function optimiseAngles(energy: (angles: Angles) => number, search: AngleSearch): { angles: Angles; energy: number; evaluations: number } {
  const grid = search.grid ?? 10;
  const starts = search.starts ?? 3;
  const perParameter = search.evaluationsPerParameter ?? 60;
  let evaluations = 0;
  const split = (v: number[]): Angles => ({ gamma: v.slice(0, v.length / 2), beta: v.slice(v.length / 2) });
  const f = (v: number[]) => energy(split(v));

  const scanned: { v: number[]; fx: number }[] = [];
  for (let a = 0; a < grid; a++) {
    for (let b = 0; b < grid; b++) {
      const v = [(Math.PI * (a + 1)) / grid, -Math.PI / 2 + (Math.PI * b) / grid];
      scanned.push({ v, fx: f(v) });
      evaluations++;
    }
  }
  scanned.sort((p, q) => p.fx - q.fx);
  let best = { x: scanned[0]!.v, fx: scanned[0]!.fx };
  for (const start of scanned.slice(0, starts)) {
    const r = nelderMead(f, start.v, { step: Math.PI / grid / 2, maxEvaluations: 2 * perParameter });
    evaluations += r.evaluations;
    if (r.fx < best.fx) best = r;
  }

  for (let p = 2; p <= search.layers; p++) {
    const prev = split(best.x);
    const candidates = [
      [...interp(prev.gamma), ...interp(prev.beta)],
      [...prev.gamma, 0, ...prev.beta, 0],
    ];
    const before = best;
    best = { x: candidates[1]!, fx: before.fx };
    for (const start of candidates) {
      const r = nelderMead(f, start, { step: 0.1, maxEvaluations: 2 * p * perParameter });
      evaluations += r.evaluations;
      if (r.fx < best.fx) best = r;
    }
  }
  return { angles: split(best.x), energy: best.fx, evaluations };
}

/** INTERP: p angles to p + 1 by linear interpolation, θ'_i = (i/p) θ_{i−1} + ((p − i)/p) θ_i (i = 0 … p, θ_{−1} = θ_p = 0). */
export function interp(theta: readonly number[]): number[] {
  const p = theta.length;
  return Array.from({ length: p + 1 }, (_, i) => ((i / p) * (theta[i - 1] ?? 0)) + (((p - i) / p) * (theta[i] ?? 0)));
}
