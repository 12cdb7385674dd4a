/** minimise xᵀQx + cᵀx + offset over x ∈ {0,1}ⁿ (Q symmetric, its diagonal counts once: x_i² = x_i). */
export interface Qubo {
  n: number;
  Q: number[][];
  c: number[];
  offset: number;
}

/** xᵀQx + cᵀx + offset for one selection. */
export function quboValue(qubo: Qubo, x: readonly (0 | 1)[]): number {
  let value = qubo.offset;
  for (let i = 0; i < qubo.n; i++) {
    if (x[i] !== 1) continue;
    const row = qubo.Q[i]!;
    value += qubo.c[i]! + row[i]!;
    for (let j = i + 1; j < qubo.n; j++) if (x[j] === 1) value += 2 * row[j]!;
  }
  return value;
}
