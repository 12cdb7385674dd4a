/**
 * Whether a symmetric matrix is positive semidefinite, up to a relative tolerance: the Cholesky factorisation of
 * A + δI, δ = 1e-10 × (the largest diagonal entry), finds no pivot ≤ 0. A singular covariance (an asset that is
 * a mix of others) passes; an eigenvalue below −δ fails.
 */
export function isPositiveSemidefinite(a: readonly (readonly number[])[]): boolean {
  const n = a.length;
  const delta = 1e-10 * Math.max(1e-300, ...a.map((row, i) => Math.abs(row[i]!)));
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let pivot = a[j]![j]! + delta;
    for (let k = 0; k < j; k++) pivot -= l[j]![k]! ** 2;
    if (!(pivot > 0)) return false;
    l[j]![j] = Math.sqrt(pivot);
    for (let i = j + 1; i < n; i++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = s / l[j]![j]!;
    }
  }
  return true;
}
