import type { Qubo } from '../qubo.js';

/** A cost as Σ h_i z_i + Σ_{i<j} J_ij z_i z_j + offset with z_i = 1 − 2x_i ∈ {+1, −1} (z_i is Z's eigenvalue: +1 on |0⟩). J is full n×n, zero on and below the diagonal. */
export interface Ising {
  h: number[];
  J: number[][];
  offset: number;
}

/**
 * The Ising form of a QUBO: with x_i = (1 − z_i)/2,
 * J_ij = Q_ij/2 (i < j), h_i = −(Q_ii + c_i)/2 − Σ_{j≠i} Q_ij/2, offset = offset + Σ_i (Q_ii + c_i)/2 + Σ_{i<j} Q_ij/2.
 */
export function quboToIsing(qubo: Qubo): Ising {
  const { n, Q, c } = qubo;
  const h = new Array<number>(n).fill(0);
  const J = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let offset = qubo.offset;
  for (let i = 0; i < n; i++) {
    const linear = Q[i]![i]! + c[i]!;
    h[i]! -= linear / 2;
    offset += linear / 2;
    for (let j = i + 1; j < n; j++) {
      const q = Q[i]![j]!;
      J[i]![j] = q / 2;
      h[i]! -= q / 2;
      h[j]! -= q / 2;
      offset += q / 2;
    }
  }
  return { h, J, offset };
}

/** The QUBO plus λ(Σx − B)²: λ on Q's diagonal and off-diagonal, −2λB on c, λB² on the offset. */
export function withBudgetPenalty(qubo: Qubo, budget: number, penalty: number): Qubo {
  const { n } = qubo;
  return {
    n,
    Q: qubo.Q.map((row) => row.map((q) => q + penalty)),
    c: qubo.c.map((ci) => ci - 2 * penalty * budget),
    offset: qubo.offset + penalty * budget * budget,
  };
}

/**
 * The default λ: twice Σ|Q_ij| + Σ|c_i| (1 if that is 0). Every value of xᵀQx + cᵀx lies in [−S, S] for that sum S,
 * and the range of values is at most S, so any λ > S makes every infeasible selection worse than every feasible one;
 * 2S keeps the same margin whatever the problem's scale.
 */
export function defaultPenalty(qubo: Qubo): number {
  let sum = 0;
  for (const row of qubo.Q) for (const q of row) sum += Math.abs(q);
  for (const ci of qubo.c) sum += Math.abs(ci);
  return sum > 0 ? 2 * sum : 1;
}

/** The QUBO's value on every basis state (bit i of the index = x_i), built by adding the highest set bit to a smaller index. */
export function quboValues(qubo: Qubo): Float64Array {
  const { n, Q, c } = qubo;
  const values = new Float64Array(2 ** n);
  values[0] = qubo.offset;
  for (let k = 0; k < n; k++) {
    const row = Q[k]!;
    const own = c[k]! + row[k]!;
    const top = 1 << k;
    for (let rest = 0; rest < top; rest++) {
      let v = values[rest]! + own;
      for (let j = 0; j < k; j++) if ((rest >>> j) & 1) v += 2 * row[j]!;
      values[top | rest] = v;
    }
  }
  return values;
}
