/**
 * Shares proportional to `scores`, each within [floor, cap], adding up to `total` (water-filling): find λ with
 * Σ clamp(λ·score_i, floor, cap) = total. A share pinned at a bound gives or takes the difference from the others
 * in proportion to their scores, so the bounds hold after normalisation, not just before it.
 *
 * Scores are ≥ 0; +Infinity scores dominate (they split the mass as if they were 1 and every finite score 0).
 * When the bounds cannot hold `total`:
 * - n·cap < total: every share is the cap and the rest of `total` stays unallocated (the cap is a risk limit);
 * - n·floor > total: the floor drops to the equal split total / n.
 * When no score is positive, the shares are equal.
 */
export function boundedShares(scores: readonly number[], total: number, floor: number, cap: number): number[] {
  const n = scores.length;
  if (n === 0) return [];
  const lo = Math.min(floor, total / n);
  if (n * cap <= total) return scores.map(() => cap);
  const s = scores.some((x) => x === Infinity) ? scores.map((x) => (x === Infinity ? 1 : 0)) : [...scores];
  const positive = s.filter((x) => x > 0).length;
  if (positive === 0) return s.map(() => total / n);

  const maxTotal = positive * cap + (n - positive) * lo;
  if (maxTotal <= total) {
    // Every scoring share is capped and the rest still fits: the others split it equally.
    const rest = (total - positive * cap) / (n - positive);
    return s.map((x) => (x > 0 ? cap : rest));
  }
  // Σ clamp(λ·s_i) is piecewise linear in λ, with breaks where a share leaves the floor or reaches the cap. On the
  // segment [a, b] between two breaks, the shares that have left the floor and not reached the cap are free and
  // grow as λ·s_i: solve for λ there, and the first segment whose λ is not past its end holds the answer.
  const top = Math.max(...s);
  const x = s.map((v) => v / top);
  const breaks = [...new Set(x.flatMap((v) => (v > 0 ? [lo / v, cap / v] : [])))].sort((a, b) => a - b);
  let a = 0;
  for (const b of breaks) {
    let fixed = 0;
    let free = 0;
    for (const v of x) {
      if (v > 0 && cap / v <= a) fixed += cap;
      else if (v === 0 || lo / v >= b) fixed += lo;
      else free += v;
    }
    const lambda = (total - fixed) / free;
    if (free > 0 && lambda <= b) return x.map((v) => Math.min(cap, Math.max(lo, lambda * v)));
    a = b;
  }
  // Unreachable: past the last break every scoring share is capped, a sum of maxTotal > total.
  return x.map((v) => (v > 0 ? cap : lo));
}
