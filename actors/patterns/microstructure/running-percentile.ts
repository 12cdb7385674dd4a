/**
 * Where a value falls among the last `size` values before it: the share of them at or below it (an empirical CDF),
 * as Easley, López de Prado & O'Hara read VPIN against its own history. Kept sorted: log n to find, n to move.
 */
export class RunningPercentile {
  readonly #order: number[] = [];
  readonly #sorted: number[] = [];

  constructor(readonly size: number) {}

  /** Values held (at most `size`). */
  get count(): number {
    return this.#order.length;
  }

  /** The share of the held values ≤ x, then x joins them (the oldest leaves when full); null with none held. */
  push(x: number): number | null {
    const n = this.#sorted.length;
    const rank = n === 0 ? null : upperBound(this.#sorted, x) / n;
    this.#order.push(x);
    this.#sorted.splice(upperBound(this.#sorted, x), 0, x);
    if (this.#order.length > this.size) {
      const out = this.#order.shift()!;
      this.#sorted.splice(upperBound(this.#sorted, out) - 1, 1);
    }
    return rank;
  }
}

/** The index of the first element > x in an ascending array. */
function upperBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
