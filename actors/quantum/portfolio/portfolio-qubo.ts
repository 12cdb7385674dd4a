import type { Qubo } from '../qubo.js';
import type { Moments } from './moments.js';

/**
 * The portfolio problem min q·xᵀΣx − μᵀx over x ∈ {0,1}ⁿ as a QUBO: Q = qΣ, c = −μ, offset 0 (Σ's diagonal
 * counts once, as x_i² = x_i). The budget Σx = B is not in it: the solvers take it as a constraint.
 */
export function portfolioQubo(moments: Moments, risk: number): Qubo {
  return {
    n: moments.mu.length,
    Q: moments.sigma.map((row) => row.map((s) => risk * s)),
    c: moments.mu.map((m) => -m),
    offset: 0,
  };
}
