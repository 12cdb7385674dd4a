/**
 * P(X ≥ k) for X ~ Binomial(n, 1/2), exact up to floating-point rounding. Summed in log space from the tail's own
 * end, so it neither overflows (C(10000, 5000) is ~10^3008) nor loses tiny p-values to cancellation; a tail that holds
 * the middle (k ≤ n/2, result ≥ 1/2) is one minus its small mirror, P(X ≤ k-1) = P(X ≥ n-k+1).
 */
export function binomialUpperTailHalf(k: number, n: number): number {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k)) throw new RangeError(`binomial tail needs whole n ≥ 0 and k, got n=${n}, k=${k}`);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (2 * k <= n) return 1 - binomialUpperTailHalf(n - k + 1, n);
  // ln C(n, k) - n ln 2, then each further term is the last times (n-i)/(i+1) < 1.
  let logFirst = -n * Math.LN2;
  for (let j = 0; j < k; j++) logFirst += Math.log((n - j) / (j + 1));
  let sum = 0;
  let term = 1;
  for (let i = k; i <= n && term > 1e-17 * sum; i++) {
    sum += term;
    term *= (n - i) / (i + 1);
  }
  return Math.min(1, Math.exp(logFirst) * sum);
}
