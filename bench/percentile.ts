/** The value at fraction `p` (0–1) of an ascending array: nearest rank, rounded down, the last for p = 1. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
