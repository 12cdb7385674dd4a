import type { PoolEvent } from './pool-events.js';
import type { SwapAttempt } from './replay-swap.js';
import { splitThreeNets, type KeptSwap, type NetTriple, type TripleSplit } from './split-three-nets.js';
import { V3Pool } from './v3-pool.js';

/** A copy of the pool's price, liquidity and initialized ticks' nets, less `nets`: enough to quote a swap again later. */
function copyForQuotes(pool: V3Pool, nets: Map<number, bigint>): V3Pool {
  const copy = new V3Pool({ sqrtPriceX96: pool.sqrtPriceX96, tick: pool.tick, liquidity: pool.liquidity }, { fee: pool.fee, tickSpacing: pool.tickSpacing, feeProtocol0: pool.feeProtocol0, feeProtocol1: pool.feeProtocol1 });
  for (const t of pool.ticks.initialized()) copy.ticks.assume(t, pool.ticks.get(t)!.liquidityNet - (nets.get(t) ?? 0n), pool.tick, 0n, 0n);
  return copy;
}

/**
 * Three ticks whose nets the day only gives the sum of, once a swap over them has been reproduced (splitThreeNets):
 * one swap leaves a band of exact splits, so the nets in the pool are one candidate. Every swap reproduced across
 * any of the three is kept (a copy of the pool before it, without the nets); when a later swap over all three does
 * not reproduce, the split is searched again inside the band, requiring every kept swap to reproduce too.
 * Changing the nets later does not redo the fee growth of the swaps already replayed (~10^10 of liquidity in ~10^18
 * on two steps, on the 0.05% day).
 */
export class NetTripleGroup {
  private readonly kept: KeptSwap[] = [];
  private x: bigint;
  private y: bigint;
  private band: [bigint, bigint];

  /** `pool` is the state before `e`, without the split; `split` is what splitThreeNets found for it. */
  constructor(readonly triple: NetTriple, pool: V3Pool, e: PoolEvent, split: TripleSplit) {
    this.x = split.x;
    this.y = split.y;
    this.band = [...split.band];
    this.kept.push({ pool: copyForQuotes(pool, new Map()), event: e, kind: split.match.kind, params: split.match.params, coarseIndex: split.coarseIndex });
  }

  /** The nets at a, b and c in use. */
  get nets(): Map<number, bigint> {
    const { a, b, c, sum } = this.triple;
    return new Map([
      [a, this.x],
      [b, this.y],
      [c, sum - this.x - this.y],
    ]);
  }

  /** Whether a swap that crossed `crossed` went over all three ticks. */
  covers(crossed: readonly number[]): boolean {
    const { a, b, c } = this.triple;
    return crossed.includes(a) && crossed.includes(b) && crossed.includes(c);
  }

  /** Whether a swap that crossed `crossed` went over any of the three ticks (so the nets mattered to it). */
  touches(crossed: readonly number[]): boolean {
    const { a, b, c } = this.triple;
    return crossed.includes(a) || crossed.includes(b) || crossed.includes(c);
  }

  /** Adds (1) or removes (-1) the split in use at the pool's ticks. */
  apply(pool: V3Pool, sign: 1n | -1n): void {
    for (const [t, n] of this.nets) pool.ticks.get(t)!.liquidityNet += sign * n;
  }

  /** Records a swap reproduced with the split in use; `pool` is the state before it. */
  keep(pool: V3Pool, e: PoolEvent, match: SwapAttempt): void {
    this.kept.push({ pool: copyForQuotes(pool, this.nets), event: e, kind: match.kind, params: match.params });
  }

  /**
   * For a swap over the three ticks that the split in use does not reproduce: a split inside the band that
   * reproduces it and every kept swap. On success the pool has the new split and the swap is kept; else unchanged.
   */
  research(pool: V3Pool, e: PoolEvent, crossed: readonly number[]): SwapAttempt | undefined {
    this.apply(pool, -1n);
    const split = splitThreeNets(pool, e, crossed, this.triple, this.kept, this.band);
    if (split) {
      this.x = split.x;
      this.y = split.y;
      if (split.band[0] > this.band[0]) this.band[0] = split.band[0];
      if (split.band[1] < this.band[1]) this.band[1] = split.band[1];
      this.kept.push({ pool: copyForQuotes(pool, new Map()), event: e, kind: split.match.kind, params: split.match.params, coarseIndex: split.coarseIndex });
    }
    this.apply(pool, 1n);
    return split?.match;
  }
}
