/** A run of consecutive positions start, start+1, … (wrapping from n−1 to 0), `length` long. */
export interface Block {
  start: number;
  length: number;
}

/**
 * One stationary-bootstrap resample (Politis & Romano 1994) of the positions 0..n−1, as blocks: each starts at a
 * uniform position, its length is geometric with mean `meanBlock`, and blocks are drawn until they cover n positions
 * (the last one cut to fit). Wrapping past the end keeps every position equally likely to be drawn.
 */
export function stationaryBlocks(n: number, meanBlock: number, random: () => number): Block[] {
  if (!(meanBlock >= 1)) throw new RangeError(`mean block length must be ≥ 1, got ${meanBlock}`);
  const logStay = Math.log(1 - 1 / meanBlock);
  const blocks: Block[] = [];
  for (let covered = 0; covered < n; ) {
    const start = Math.floor(random() * n);
    // Inverse CDF of the geometric law on 1, 2, …: P(length > k) = (1 − 1/meanBlock)^k.
    const drawn = meanBlock === 1 ? 1 : 1 + Math.floor(Math.log(1 - random()) / logStay);
    const length = Math.min(drawn, n - covered);
    blocks.push({ start, length });
    covered += length;
  }
  return blocks;
}

/** Σ over a block of a series given as its prefix sums (prefix[i] = Σ of the first i values, prefix.length = n + 1). */
export function blockSum(prefix: Float64Array, { start, length }: Block): number {
  const n = prefix.length - 1;
  const end = start + length;
  return end <= n ? prefix[end]! - prefix[start]! : prefix[n]! - prefix[start]! + prefix[end - n]!;
}
