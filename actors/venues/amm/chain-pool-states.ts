import type { UniswapV3Pool } from '../../../contracts/generated/types/index.js';
import { usdPerEth } from '../../amm/lp/usd-prices.js';
import type { PoolState } from './lp-venue.js';

/** One chain pool: its contract (read through the provider), tier and spacing. */
export interface ChainPool {
  fee: number;
  tickSpacing: number;
  contract: UniswapV3Pool;
}

/** The chain pools' states as last read from slot0() and liquidity(); the market and the venue share it. */
export class ChainPoolStates {
  private readonly states = new Map<number, PoolState>();

  constructor(readonly pools: readonly ChainPool[]) {}

  /** Fee tiers, ascending. */
  get fees(): number[] {
    return this.pools.map((p) => p.fee).sort((a, b) => a - b);
  }

  spacing(fee: number): number {
    return this.find(fee).tickSpacing;
  }

  /** The last read state of the `fee` pool. */
  get(fee: number): PoolState {
    const state = this.states.get(fee);
    if (state === undefined) throw new RangeError(`no ${fee} pool (have ${this.fees.join(', ')})`);
    return state;
  }

  all(): PoolState[] {
    return this.fees.map((fee) => this.get(fee));
  }

  /** Reads every pool (or the `fee` one) from the chain; the reads go out as one JSON-RPC batch. */
  async refresh(fee?: number): Promise<void> {
    const pools = fee === undefined ? this.pools : [this.find(fee)];
    await Promise.all(pools.map(async (p) => {
      const [slot0, liquidity] = await Promise.all([p.contract.slot0(), p.contract.liquidity()]);
      this.states.set(p.fee, { fee: p.fee, tickSpacing: p.tickSpacing, sqrtPriceX96: slot0.sqrtPriceX96, tick: Number(slot0.tick), liquidity, priceUsd: usdPerEth(slot0.sqrtPriceX96) });
    }));
  }

  private find(fee: number): ChainPool {
    const pool = this.pools.find((p) => p.fee === fee);
    if (pool === undefined) throw new RangeError(`no ${fee} pool (have ${this.fees.join(', ')})`);
    return pool;
  }
}
