import type { Wallet } from 'ethers';
import type { Logger } from 'pino';
import { UniswapV3Pool__factory, type SwapRouter } from '../../../contracts/generated/types/index.js';
import { swapSeen } from './swap-seen.js';
import type { ChainPoolStates } from './chain-pool-states.js';
import type { AmmMarket, MarketStep, SwapSeen } from './lp-venue.js';
import type { ManualChain } from './manual-chain.js';
import type { RecordedBlock } from './recorded-swaps.js';

/** More than any swap here needs: the pool stops at the price limit and the router takes only what it used. */
const AMOUNT_IN = 10n ** 30n;
/** A swap crosses at most the seed position's and our positions' ticks. */
const SWAP_GAS_LIMIT = 1_000_000n;
const NO_DEADLINE = 2n ** 64n;

export interface SwapReplayerDeps {
  chain: ManualChain;
  states: ChainPoolStates;
  blocks: readonly RecordedBlock[];
  trader: Wallet;
  router: SwapRouter;
  token0: string;
  token1: string;
  logger?: Logger;
}

/**
 * The recorded day sent to the chain pools: each recorded swap becomes a price-limited exactInputSingle from the
 * trader to the swap's recorded after-price, so the chain pool ends each swap where the recorded one did, and the
 * swaps of one recorded block are mined together in one block. What it reports is what the chain did (its Swap
 * events), not what was recorded.
 */
export class SwapReplayer implements AmmMarket {
  private done = 0;
  private elapsedMs = 0;
  private chainVolumeUsd = 0;
  private recordedVolumeUsd = 0;
  private readonly poolInterface = UniswapV3Pool__factory.createInterface();
  private readonly swapTopic = this.poolInterface.getEvent('Swap').topicHash;
  private feeByAddress = new Map<string, number>();

  constructor(private readonly deps: SwapReplayerDeps) {}

  /** The recorded time the market stands at: the last step's, or before any the first recorded block's. */
  get ts(): number {
    return this.deps.blocks[Math.max(0, this.done - 1)]?.ts ?? 0;
  }

  progress(): { done: number; total: number } {
    return { done: this.done, total: this.deps.blocks.length };
  }

  /** Dollars swapped so far on the chain's pools, beside what the recorded swaps sent to them moved. */
  volume(): { chainUsd: number; recordedUsd: number } {
    return { chainUsd: this.chainVolumeUsd, recordedUsd: this.recordedVolumeUsd };
  }

  /** Wall-clock ms per recorded block so far (sending, mining and reading back). */
  msPerBlock(): number {
    return this.done === 0 ? 0 : this.elapsedMs / this.done;
  }

  async next(): Promise<MarketStep | undefined> {
    const recorded = this.deps.blocks[this.done];
    if (recorded === undefined) return undefined;
    const started = performance.now();
    const { chain, states, trader, router, token0, token1 } = this.deps;
    if (this.feeByAddress.size === 0) {
      for (const p of states.pools) this.feeByAddress.set((await p.contract.getAddress()).toLowerCase(), p.fee);
    }
    const routerAddress = await router.getAddress();
    const price = new Map(states.all().map((s) => [s.fee, s.sqrtPriceX96]));
    const sent: Promise<string>[] = [];
    for (const { fee, event } of recorded.swaps) {
      const current = price.get(fee)!;
      if (event.sqrtPriceX96 === current) continue;
      const zeroForOne = event.sqrtPriceX96 < current;
      const data = router.interface.encodeFunctionData('exactInputSingle', [{
        tokenIn: zeroForOne ? token0 : token1, tokenOut: zeroForOne ? token1 : token0, fee, recipient: trader.address,
        deadline: NO_DEADLINE, amountIn: AMOUNT_IN, amountOutMinimum: 0n, sqrtPriceLimitX96: event.sqrtPriceX96,
      }]);
      sent.push(chain.send(trader, routerAddress, data, SWAP_GAS_LIMIT));
      this.recordedVolumeUsd += Math.abs(Number(event.amount0)) / 1e6;
      price.set(fee, event.sqrtPriceX96);
    }
    await Promise.all(sent);
    const block = await chain.mine();
    const logs = await chain.provider.getLogs({ fromBlock: block, toBlock: block, topics: [this.swapTopic] });
    const swaps: SwapSeen[] = [];
    for (const log of logs) {
      const fee = this.feeByAddress.get(log.address.toLowerCase());
      if (fee === undefined) continue;
      const { amount0, sqrtPriceX96, liquidity } = this.poolInterface.parseLog(log)!.args as unknown as { amount0: bigint; sqrtPriceX96: bigint; liquidity: bigint };
      const seen = swapSeen(fee, recorded.ts, sqrtPriceX96, amount0, liquidity);
      this.chainVolumeUsd += seen.volumeUsd;
      swaps.push(seen);
    }
    if (swaps.length !== sent.length) this.deps.logger?.warn({ recordedBlock: recorded.block, block, sent: sent.length, swapped: swaps.length }, 'replayed swaps that did not swap (reverted)');
    await states.refresh();
    this.done++;
    const ms = performance.now() - started;
    this.elapsedMs += ms;
    this.deps.logger?.debug({ recordedBlock: recorded.block, block, swaps: swaps.length, ms }, 'recorded block replayed');
    return { block: recorded.block, ts: recorded.ts, swaps, pools: states.all() };
  }
}
