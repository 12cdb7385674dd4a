/** Plain statistics over number arrays. Empty inputs give NaN; callers turn NaN into null for JSON. */

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : sum(xs) / xs.length;
}

/** Sample standard deviation (n - 1 in the denominator). */
export function sampleStd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / (xs.length - 1));
}

/** Downside deviation below `target`, averaged over ALL periods (periods above target count as zero). */
export function downsideDeviation(xs: readonly number[], target = 0): number {
  if (xs.length === 0) return NaN;
  let ss = 0;
  for (const x of xs) if (x < target) ss += (x - target) ** 2;
  return Math.sqrt(ss / xs.length);
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Finite numbers pass through; NaN and ±Infinity become null, so the value survives JSON. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
