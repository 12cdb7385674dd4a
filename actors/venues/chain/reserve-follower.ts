import type { JsonRpcProvider } from 'ethers';
import { UniswapV2Pair__factory } from '../../../contracts/generated/types/index.js';
import type { Pool } from '../../strategies/flash-loan/pool.js';

export interface WatchedPool {
  dex: string;
  pair: string;
}

/**
 * Keeps the reserves of the configured pools fresh. Token order is read once; each block's
 * getReserves calls are issued in one tick, which ethers' JsonRpcProvider sends as one JSON-RPC batch.
 */
export class ReserveFollower {
  private tokens = new Map<string, [string, string]>();

  constructor(private readonly provider: JsonRpcProvider, private readonly pools: readonly WatchedPool[]) {}

  async init(): Promise<void> {
    const reads = this.pools.map(async (p) => {
      const pair = UniswapV2Pair__factory.connect(p.pair, this.provider);
      const [t0, t1] = await Promise.all([pair.token0(), pair.token1()]);
      this.tokens.set(p.pair, [t0.toLowerCase(), t1.toLowerCase()]);
    });
    await Promise.all(reads);
  }

  /** Reserves at `blockTag` (default latest), as strategy pools. */
  async read(blockTag: number | 'latest' = 'latest'): Promise<Pool[]> {
    const iface = UniswapV2Pair__factory.createInterface();
    const data = iface.encodeFunctionData('getReserves');
    const results = await Promise.all(this.pools.map((p) => this.provider.call({ to: p.pair, data, blockTag })));
    return this.pools.map((p, i) => {
      const [r0, r1] = iface.decodeFunctionResult('getReserves', results[i]!);
      const [token0, token1] = this.tokens.get(p.pair) ?? ['', ''];
      return { dex: p.dex, pair: p.pair, token0, token1, reserve0: r0 as bigint, reserve1: r1 as bigint };
    });
  }
}
