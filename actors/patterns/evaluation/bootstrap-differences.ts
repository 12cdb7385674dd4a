import { blockSum, stationaryBlocks } from './stationary-bootstrap.js';

export interface DifferenceBootstrap {
  /** Mean block length of the stationary bootstrap, in bars. */
  meanBlock: number;
  replicates: number;
  random: () => number;
}

/** Prefix sums of a series: out[i] = Σ of its first i values. */
function prefixSums(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) out[i + 1] = out[i]! + values[i]!;
  return out;
}

/**
 * Bootstrap draws of each kind's mean forward return at its entries minus the mean over every bar, both taken on the
 * same resample of the bar sequence (stationary bootstrap), so a draw keeps each entry with its own forward window and
 * the runs of neighbouring bars the dependence lives in. `returns` has one value per bar (NaN: no forward return, the
 * bar counts for nothing); `entries[k]` lists kind k's entry bars, a bar once per pattern confirmed on it, each with a
 * return. Returns, per kind, `replicates` draws; NaN for a draw that holds no entry of that kind.
 */
export function bootstrapDifferences(returns: Float64Array, entries: readonly (readonly number[])[], opts: DifferenceBootstrap): Float64Array[] {
  const n = returns.length;
  const allSum = prefixSums(returns.map((r) => (Number.isNaN(r) ? 0 : r)));
  const allCount = prefixSums(returns.map((r) => (Number.isNaN(r) ? 0 : 1)));
  // Every (bar, kind) entry in bar order, and for each bar the first entry at or after it: a block's entries are a slice.
  const flat = entries.flatMap((bars, kind) => bars.map((bar) => ({ bar, kind }))).sort((a, b) => a.bar - b.bar);
  for (const { bar } of flat) if (!(bar >= 0 && bar < n) || Number.isNaN(returns[bar]!)) throw new RangeError(`entry bar ${bar} has no forward return`);
  const firstAt = new Int32Array(n + 1);
  for (let bar = n, e = flat.length; bar >= 0; bar--) {
    while (e > 0 && flat[e - 1]!.bar >= bar) e--;
    firstAt[bar] = e;
  }

  const draws = entries.map(() => new Float64Array(opts.replicates));
  const sums = new Float64Array(entries.length);
  const counts = new Float64Array(entries.length);
  const add = (from: number, to: number) => {
    for (let e = firstAt[from]!; e < firstAt[to]!; e++) {
      const { bar, kind } = flat[e]!;
      sums[kind] = sums[kind]! + returns[bar]!;
      counts[kind] = counts[kind]! + 1;
    }
  };
  for (let b = 0; b < opts.replicates; b++) {
    sums.fill(0);
    counts.fill(0);
    let all = 0;
    let allN = 0;
    for (const block of stationaryBlocks(n, opts.meanBlock, opts.random)) {
      all += blockSum(allSum, block);
      allN += blockSum(allCount, block);
      const end = block.start + block.length;
      if (end <= n) add(block.start, end);
      else {
        add(block.start, n);
        add(0, end - n);
      }
    }
    for (let k = 0; k < entries.length; k++) draws[k]![b] = counts[k]! > 0 ? sums[k]! / counts[k]! - all / allN : NaN;
  }
  return draws;
}
