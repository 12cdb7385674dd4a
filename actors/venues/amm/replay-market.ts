import type { EventReplay } from '../../amm/v3/replay-events.js';
import type { V3Pool } from '../../amm/v3/v3-pool.js';
import { usdPerEth } from '../../amm/lp/usd-prices.js';
import { swapSeen } from './swap-seen.js';
import type { AmmMarket, MarketStep, PoolState, SwapSeen } from './lp-venue.js';

/** A pool's price and fee growth just before a swap, for whoever accrues fees over that swap. */
export interface PoolBefore {
  sqrtPriceX96: bigint;
  feeGrowthGlobal0X128: bigint;
  feeGrowthGlobal1X128: bigint;
}

/** Called after each replayed swap with the pool as it was before it and the pool now. */
export type OnSwap = (fee: number, before: PoolBefore, pool: V3Pool) => void;

/** The state the strategy and the marks read of a replayed pool. */
export function poolState(pool: V3Pool): PoolState {
  return { fee: pool.fee, tickSpacing: pool.tickSpacing, sqrtPriceX96: pool.sqrtPriceX96, tick: pool.tick, liquidity: pool.liquidity, priceUsd: usdPerEth(pool.sqrtPriceX96) };
}

/**
 * The recorded day of several pools, one block at a time: all pools' events of a block applied (each through its
 * EventReplay, exactly as replayEvents does), in block order. Blocks with no swap are applied on the way to the next
 * one that has one; only those are steps.
 */
export class ReplayMarket implements AmmMarket {
  /** The block and time of the latest step; undefined before the first. */
  last: { block: number; ts: number } | undefined;
  private done = 0;
  private readonly total: number;

  constructor(
    private readonly replays: readonly EventReplay[],
    private readonly onSwap: OnSwap,
    events: readonly (readonly { kind: string; blockNumber: number }[])[],
  ) {
    const blocks = new Set<number>();
    for (const pool of events) for (const e of pool) if (e.kind === 'SWAP') blocks.add(e.blockNumber);
    this.total = blocks.size;
  }

  async next(): Promise<MarketStep | undefined> {
    for (;;) {
      const heads = this.replays.map((r) => r.peek()?.blockNumber).filter((b): b is number => b !== undefined);
      if (heads.length === 0) return undefined;
      const block = Math.min(...heads);
      const swaps: (SwapSeen & { logIndex: number })[] = [];
      let ts = 0;
      for (const replay of this.replays) {
        const pool = replay.pool;
        while (replay.peek()?.blockNumber === block) {
          const before: PoolBefore = { sqrtPriceX96: pool.sqrtPriceX96, feeGrowthGlobal0X128: pool.feeGrowthGlobal0X128, feeGrowthGlobal1X128: pool.feeGrowthGlobal1X128 };
          const { event } = replay.next()!;
          ts = event.ts;
          if (event.kind !== 'SWAP') continue;
          this.onSwap(pool.fee, before, pool);
          swaps.push({ ...swapSeen(pool.fee, event.ts, pool.sqrtPriceX96, event.amount0, pool.liquidity), logIndex: event.logIndex });
        }
      }
      if (swaps.length === 0) continue;
      swaps.sort((a, b) => a.logIndex - b.logIndex);
      this.done++;
      this.last = { block, ts };
      return { block, ts, swaps: swaps.map(({ logIndex: _, ...s }) => s), pools: this.replays.map((r) => poolState(r.pool)) };
    }
  }

  progress(): { done: number; total: number } {
    return { done: this.done, total: this.total };
  }
}
