import { MaxUint256, type JsonRpcProvider, type Wallet } from 'ethers';
import type { Logger } from 'pino';
import { NonfungiblePositionManager__factory, UniswapV2ERC20Token__factory, UniswapV3Pool__factory } from '../../../contracts/generated/types/index.js';
import { startAnvil } from '../chain/anvil.js';
import { deployV3, type V3Deployment } from '../chain/deploy-v3.js';
import { localChainKeys } from '../chain/keys.js';
import { localProvider } from '../chain/local-chain.js';
import { ChainLpVenue } from './chain-lp-venue.js';
import { ChainPoolStates } from './chain-pool-states.js';
import type { AmmMarket, LpVenue } from './lp-venue.js';
import { ManualChain } from './manual-chain.js';
import { positionAmounts } from './position-amounts.js';
import { readRecordedSwaps, type RecordedPool } from './recorded-swaps.js';
import { SwapReplayer } from './swap-replayer.js';

export interface ChainAmmOptions {
  /** Gas price the LP's gas is charged at, gwei (anvil's own is meaningless). */
  gasPriceGwei: number;
  /** Venue id, `amm:local` by default. */
  id?: string;
  logger?: Logger;
}

export interface ChainAmm {
  market: AmmMarket;
  venue: LpVenue;
  /** Dollars swapped on the chain's pools so far, beside the recorded swaps sent to them. */
  volume(): { chainUsd: number; recordedUsd: number };
  /** The chain's JSON-RPC address (to look at it with other tools). */
  url: string;
  /** Stops the chain. */
  close(): Promise<void>;
}

/** Half-width of the seed position: ln(1.2)/ln(1.0001) ticks, a ±20% price range. */
const SEED_HALF_WIDTH_TICKS = 1823;
/** Of each token, for the trader's swaps and the LP's positions (the deployer holds 10⁴⁰). */
const FUNDING = 10n ** 36n;
const NO_DEADLINE = 2n ** 64n;

/**
 * The paper session's AMM: the real Uniswap V3 contracts on a fresh anvil, one pool per recorded event file, each
 * started at its first recorded swap's after-price with one ±20% position holding that swap's active liquidity, so
 * the recorded swaps, sent as price-limited swaps, move about the recorded volume. The market replays the recorded
 * blocks; the venue opens our positions in the same pools from a separate LP key.
 */
export async function startChainAmm(files: readonly string[], options: ChainAmmOptions): Promise<ChainAmm> {
  const { pools, blocks } = readRecordedSwaps(files);
  const anvil = await startAnvil({ blockTimestampInterval: 12 });
  const provider = localProvider(anvil.url);
  const stop = async () => {
    provider.destroy();
    await anvil.stop();
  };
  try {
    const keys = localChainKeys();
    const trader = keys.trader.connect(provider);
    const lp = keys.lp.connect(provider);
    const v3 = await deployV3(provider, keys.liquidity, pools.map((p) => ({ fee: p.fee, sqrtPriceX96: p.first.sqrtPriceX96 })));
    for (const pool of pools) await seed(v3, pool, keys.liquidity.address);
    await fund(provider, v3, [{ wallet: trader, spender: await v3.router.getAddress() }, { wallet: lp, spender: await v3.positions.getAddress() }]);

    const chain = await ManualChain.start(provider, [trader, lp]);
    const states = new ChainPoolStates(pools.map((p) => ({ fee: p.fee, tickSpacing: p.tickSpacing, contract: UniswapV3Pool__factory.connect(v3.pools[p.fee]!.target.toString(), provider) })));
    await states.refresh();
    const [token0, token1] = [await v3.token0.getAddress(), await v3.token1.getAddress()];
    const market = new SwapReplayer({ chain, states, blocks, trader, router: v3.router, token0, token1, logger: options.logger });
    const venue = new ChainLpVenue({
      id: options.id ?? 'amm:local', chain, states, lp, token0, token1, gasPriceGwei: options.gasPriceGwei, ts: () => market.ts,
      positions: NonfungiblePositionManager__factory.connect(await v3.positions.getAddress(), provider),
    });
    options.logger?.info({ url: anvil.url, pools: pools.map((p) => ({ fee: p.fee, file: p.file })), blocks: blocks.length }, 'chain AMM started');
    return {
      market,
      venue,
      volume: () => market.volume(),
      url: anvil.url,
      close: async () => {
        options.logger?.info({ blocks: market.progress().done, msPerBlock: Math.round(market.msPerBlock()) }, 'chain AMM stopped');
        await stop();
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The pool's seed position: ±20% around the recorded price, on the tick spacing, with the recorded active liquidity. */
async function seed(v3: V3Deployment, pool: RecordedPool, owner: string): Promise<void> {
  const { first, tickSpacing, fee } = pool;
  const center = Math.floor(first.tick / tickSpacing) * tickSpacing;
  const half = Math.ceil(SEED_HALF_WIDTH_TICKS / tickSpacing) * tickSpacing;
  const [tickLower, tickUpper] = [center - half, center + half];
  const { amount0, amount1 } = positionAmounts(first.sqrtPriceX96, tickLower, tickUpper, first.liquidity, true);
  await (await v3.positions.mint({
    token0: await v3.token0.getAddress(), token1: await v3.token1.getAddress(), fee, tickLower, tickUpper,
    amount0Desired: amount0, amount1Desired: amount1, amount0Min: 0n, amount1Min: 0n, recipient: owner, deadline: NO_DEADLINE,
  })).wait();
}

/** Both tokens from the deployer to each wallet, and each wallet's approval of the contract it uses. */
async function fund(provider: JsonRpcProvider, v3: V3Deployment, holders: { wallet: Wallet; spender: string }[]): Promise<void> {
  for (const { wallet, spender } of holders) {
    for (const token of [v3.token0, v3.token1]) {
      await (await token.transfer(wallet.address, FUNDING)).wait();
      await (await UniswapV2ERC20Token__factory.connect(await token.getAddress(), wallet.connect(provider)).approve(spender, MaxUint256)).wait();
    }
  }
}
