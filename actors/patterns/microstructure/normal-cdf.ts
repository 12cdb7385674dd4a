// Abramowitz & Stegun (1964), "Handbook of Mathematical Functions", 7.1.26: erf to |error| ≤ 1.5e-7 for x ≥ 0.
const P = 0.3275911;
const A = [0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429] as const;

/**
 * The standard normal CDF Φ(z) = (1 + erf(z / √2)) / 2, erf by the Abramowitz & Stegun 7.1.26 approximation (no
 * statistics library is installed): absolute error below 1e-7.
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + P * x);
  const poly = t * (A[0] + t * (A[1] + t * (A[2] + t * (A[3] + t * A[4]))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
