/** A one-regressor least-squares fit y = intercept + slope·x. */
export interface Regression {
  slope: number;
  intercept: number;
  /** slope / its standard error (n - 2 degrees of freedom); null when the residuals are all 0 or n < 3. */
  tStat: number | null;
  rSquared: number;
  n: number;
}

/**
 * Ordinary least squares with one regressor and an intercept (no statistics library is installed, so it is written
 * here: slope = Sxy / Sxx, se(slope) = sqrt(SSR / (n - 2) / Sxx)). Null when x does not vary or the lengths differ.
 */
export function ols(x: readonly number[], y: readonly number[]): Regression | null {
  const n = x.length;
  if (n !== y.length || n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const ssr = Math.max(0, syy - slope * sxy);
  const se = n > 2 ? Math.sqrt(ssr / (n - 2) / sxx) : 0;
  return { slope, intercept: my - slope * mx, tStat: se > 0 ? slope / se : null, rSquared: syy === 0 ? 0 : 1 - ssr / syy, n };
}
