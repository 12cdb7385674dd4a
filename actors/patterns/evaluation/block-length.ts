/** The flat-top (trapezoid) lag window of Politis & Romano (1995): 1 up to half the bandwidth, then down to 0 at it. */
const flatTop = (t: number) => (Math.abs(t) <= 0.5 ? 1 : Math.abs(t) <= 1 ? 2 * (1 - Math.abs(t)) : 0);

/**
 * Mean block length for a stationary bootstrap of the mean of `xs`: Politis & White (2004), "Automatic block-length
 * selection for the dependent bootstrap", with the correction of Patton, Politis & White (2009).
 * b = (Ĝ / ĝ)^(2/3) n^(1/3), where ĝ = Σ λ(k/M) R(k) and Ĝ = Σ λ(k/M) |k| R(k) over |k| ≤ M (R the sample
 * autocovariance, λ the flat-top window). M = 2m̂, m̂ the first lag after which K = max(5, ⌈√log10 n⌉) autocorrelations
 * in a row are all within ±2√(log10 n / n); M at most ⌈√n⌉ + K. The result is kept within [1, min(3√n, n/3)].
 */
export function stationaryBlockLength(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 8) return 1;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i]!;
  mean /= n;
  const K = Math.max(5, Math.ceil(Math.sqrt(Math.log10(n))));
  const mMax = Math.ceil(Math.sqrt(n)) + K;
  const lags = Math.min(n - 1, mMax + K);
  const R = new Float64Array(lags + 1);
  for (let k = 0; k <= lags; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += (xs[t]! - mean) * (xs[t + k]! - mean);
    R[k] = s / n;
  }
  if (!(R[0]! > 0)) return 1;
  const bound = 2 * Math.sqrt(Math.log10(n) / n);
  const small = (k: number) => k > lags || Math.abs(R[k]! / R[0]!) < bound;
  let mHat = mMax;
  for (let m = 1; m <= mMax; m++) {
    let quiet = true;
    for (let k = 1; k <= K && quiet; k++) quiet = small(m + k);
    if (quiet) {
      mHat = m;
      break;
    }
  }
  const M = Math.min(2 * mHat, mMax, lags);
  let g = R[0]!;
  let G = 0;
  for (let k = 1; k <= M; k++) {
    const w = flatTop(k / M) * R[k]!;
    g += 2 * w;
    G += 2 * k * w;
  }
  const cap = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3));
  if (!(g > 0)) return 1;
  return Math.min(cap, Math.max(1, Math.cbrt((G / g) ** 2 * n)));
}
