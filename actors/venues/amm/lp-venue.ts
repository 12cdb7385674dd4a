/**
 * Where an LP position is opened and closed: a Uniswap V3 pair of USDC (token0, 6 decimals) and WETH (token1, 18
 * decimals) in one or more fee tiers. Two implementations run the same strategy, effects and risk: the recorded day
 * replayed with our exact V3 maths (backtest, replay-lp-venue.ts) and the real V3 contracts on a local anvil chain
 * with the recorded swaps sent to them (paper session, chain-lp-venue.ts).
 */

/** A pool after the latest step, as the strategy and the marks read it. */
export interface PoolState {
  /** Fee tier in hundredths of a bip (500 = 0.05%). */
  fee: number;
  tickSpacing: number;
  sqrtPriceX96: bigint;
  tick: number;
  /** Active liquidity (raw). */
  liquidity: bigint;
  /** Dollars per ETH at sqrtPriceX96 (actors/amm/lp/usd-prices.ts usdPerEth). */
  priceUsd: number;
}

/** Open a position worth `depositUsd` at the current price in [tickLower, tickUpper) of the `fee` pool. */
export interface MintRequest {
  fee: number;
  tickLower: number;
  tickUpper: number;
  depositUsd: number;
}

export interface MintResult {
  positionId: string;
  fee: number;
  tickLower: number;
  tickUpper: number;
  liquidity: bigint;
  /** What the position took: USDC (raw, 6 decimals) and WETH (wei). */
  amount0: bigint;
  amount1: bigint;
  /** amount0 + amount1 at the pool price when minted, dollars. */
  depositedUsd: number;
  gasUsed: bigint;
  /** gasUsed × the venue's gas price × the ETH price, dollars. */
  gasUsd: number;
  /** The chain's block (anvil) or the recorded block the replay stands at. */
  block: number;
  /** Recorded time of the market step the mint happened after, epoch ms. */
  ts: number;
}

export interface BurnResult {
  positionId: string;
  /** Principal returned (not fees): USDC raw and WETH wei. */
  amount0: bigint;
  amount1: bigint;
  /** Fees collected on top of the principal. */
  fees0: bigint;
  fees1: bigint;
  /** Principal at the pool price when burned, dollars. */
  withdrawnUsd: number;
  feesUsd: number;
  gasUsed: bigint;
  gasUsd: number;
  block: number;
  ts: number;
}

/** An open position at the current price: principal plus fees not yet collected, dollars. */
export interface PositionMark {
  valueUsd: number;
  feesUsd: number;
}

export interface LpVenue {
  /** `amm:replay` (backtest) or `amm:local` (anvil). */
  readonly id: string;
  /** The fee tiers it has, ascending. */
  readonly fees: readonly number[];
  pool(fee: number): PoolState;
  mint(request: MintRequest): Promise<MintResult>;
  /** Removes all of the position's liquidity and collects principal and fees. Throws for an unknown or closed id. */
  burn(positionId: string): Promise<BurnResult>;
  mark(positionId: string): Promise<PositionMark>;
  /** Positions not yet burned (restart reconciliation and the end of a session). */
  open(): string[];
}

/** One recorded swap as it reached a pool, for the fee advisor and the volatility estimates. */
export interface SwapSeen {
  fee: number;
  /** Recorded block time, epoch ms. */
  ts: number;
  /** Pool price after the swap, dollars per ETH. */
  priceUsd: number;
  /** Dollars swapped (the USDC leg). */
  volumeUsd: number;
  /** The in-range virtual value it traded against, 2·L·√p in dollars. */
  liquidityUsd: number;
}

/** The swaps of one recorded block (both pools), after they reached the venue's pools. */
export interface MarketStep {
  block: number;
  ts: number;
  swaps: SwapSeen[];
  pools: PoolState[];
}

/** The recorded day, one block at a time; the venue's pools move with it. */
export interface AmmMarket {
  /** The next recorded block with a swap, applied; undefined at the end of the day. */
  next(): Promise<MarketStep | undefined>;
  /** Blocks stepped and in all. */
  progress(): { done: number; total: number };
}
