import type { PoolEvent } from '../v3/pool-events.js';
import { replayEvents, type ReplayOptions, type ReplayReport } from '../v3/replay-events.js';
import { getSqrtRatioAtTick } from '../v3/tick-math.js';
import { rangeAmounts, rangeValue } from '../economics/range-amounts.js';
import { FeeAdvisor, type FeeRecommendation } from '../economics/fee-advisor.js';
import { batchWindowStats, type AdvisorSwap } from '../economics/window-stats.js';
import { LIQUIDITY_SCALE, usdPerEth, usdRange } from './usd-prices.js';

export interface LpSettings {
  /** Dollars deposited at the day's first swap. */
  depositUsd: number;
  /** Half-width of the range in ticks around the opening tick, a multiple of the pool's tick spacing (300 ≈ ±3%). */
  halfWidthTicks: number;
}

/** One sample of the day for the charts: after a swap. */
export interface LpSample {
  ts: number;
  priceUsd: number;
  /** The pool's active liquidity, whole-token units. */
  liquidity: number;
  cumulativeFeesUsd: number;
  cumulativeLvrUsd: number;
}

export interface PoolDay {
  feeTier: number;
  swaps: number;
  volumeUsd: number;
  /** Fees every swap paid to the pool's LPs, dollars at the swap's price. */
  feesUsd: number;
  /** Realised volatility of the day, annualised (log returns between blocks). */
  volatility: number;
  /** Volume over the in-range liquidity's dollar value (2L√p), per day. */
  utilization: number;
  position: { depositUsd: number; tickLower: number; tickUpper: number; rangeUsd: [number, number]; liquidity: number; timeInRange: number };
  /** What the position earned: its share of each swap's fee growth while the price was in its range. */
  lpFeesUsd: number;
  /** The position against holding what it was opened with, at the day's last price (negative: a loss). */
  ilUsd: number;
  /**
   * Loss-versus-rebalancing: a portfolio holding the position's ETH, rebalanced at each block's last pool price, less
   * the position. Measured on the pool's own prices: a finer or noisier path (more swaps) measures more of it.
   */
  lvrUsd: number;
  /** Fees plus impermanent loss: the position against holding. */
  lpNetUsd: number;
  /** Fees minus LVR: the position against the rebalancing portfolio. */
  lpNetOfLvrUsd: number;
  advisor: FeeRecommendation;
  replay: Pick<ReplayReport, 'swaps' | 'reproduced' | 'mismatches'>;
  samples: LpSample[];
}

const Q128 = 2n ** 128n;

/**
 * A hypothetical position opened at the day's first recorded swap, replayed through the day with the pool's exact
 * state (actors/amm/v3). It is small against the pool, so it changes no swap. Its fees: for each swap, the pool's fee
 * growth per unit of liquidity (exact, from the replay) times its liquidity, times the share of the swap's √price path
 * inside its range (exact when no initialized tick lies on that path; otherwise split by √price distance).
 */
export function lpDay(events: readonly PoolEvent[], options: ReplayOptions, settings: LpSettings): PoolDay {
  const advisor = new FeeAdvisor({ currentFee: options.fee / 1_000_000 });
  const advisorSwaps: AdvisorSwap[] = [];
  const samples: LpSample[] = [];
  let position: PoolDay['position'] | undefined;
  let sqrtLower = 0n;
  let sqrtUpper = 0n;
  let liquidityRaw = 0n;
  let liquidityUnits = 0;
  let held = { eth: 0, usd: 0 };
  let prev: { sqrt: bigint; g0: bigint; g1: bigint } | undefined;
  let volumeUsd = 0;
  let feesUsd = 0;
  let lpFeesUsd = 0;
  let lvrUsd = 0;
  let swaps = 0;
  let inRange = 0;
  const block: { ts: number | undefined; openPrice: number; lastPrice: number } = { ts: undefined, openPrice: 0, lastPrice: 0 };
  /** The rebalancing portfolio's gain over the position across the block just ended. */
  const closeBlock = () => {
    const [lo, hi] = position!.rangeUsd;
    const value = (p: number) => rangeValue(liquidityUnits, p, lo, hi);
    lvrUsd += rangeAmounts(liquidityUnits, block.openPrice, lo, hi).x * (block.lastPrice - block.openPrice) - (value(block.lastPrice) - value(block.openPrice));
    block.openPrice = block.lastPrice;
  };

  const report = replayEvents(events, options, (e, pool) => {
    if (e.kind !== 'SWAP') return;
    const price = usdPerEth(pool.sqrtPriceX96);
    if (!position) {
      const center = Math.round(pool.tick / options.tickSpacing) * options.tickSpacing;
      const tickLower = center - settings.halfWidthTicks;
      const tickUpper = center + settings.halfWidthTicks;
      const range = usdRange(tickLower, tickUpper);
      liquidityUnits = settings.depositUsd / rangeValue(1, price, range.lower, range.upper);
      liquidityRaw = BigInt(Math.floor(liquidityUnits * LIQUIDITY_SCALE));
      sqrtLower = getSqrtRatioAtTick(tickLower);
      sqrtUpper = getSqrtRatioAtTick(tickUpper);
      const amounts = rangeAmounts(liquidityUnits, price, range.lower, range.upper);
      held = { eth: amounts.x, usd: amounts.y };
      position = { depositUsd: settings.depositUsd, tickLower, tickUpper, rangeUsd: [range.lower, range.upper], liquidity: liquidityUnits, timeInRange: 0 };
      prev = { sqrt: pool.sqrtPriceX96, g0: pool.feeGrowthGlobal0X128, g1: pool.feeGrowthGlobal1X128 };
      block.openPrice = price;
      block.lastPrice = price;
      return;
    }
    swaps++;
    const paidUsd = e.amount0 > 0n ? Number(e.amount0) / 1e6 : (Number(e.amount1) / 1e18) * price;
    const usdLeg = Math.abs(Number(e.amount0)) / 1e6;
    volumeUsd += usdLeg;
    feesUsd += (paidUsd * options.fee) / 1_000_000;
    const share = pathShareInRange(prev!.sqrt, pool.sqrtPriceX96, sqrtLower, sqrtUpper);
    if (share > 0) {
      const fees0 = Number(((pool.feeGrowthGlobal0X128 - prev!.g0) * liquidityRaw) / Q128) / 1e6;
      const fees1 = (Number(((pool.feeGrowthGlobal1X128 - prev!.g1) * liquidityRaw) / Q128) / 1e18) * price;
      lpFeesUsd += share * (fees0 + fees1);
      inRange++;
    }
    const ts = e.ts;
    // Rebalanced once a block, at the block's last price: swaps within a block bounce around it.
    if (ts !== block.ts) {
      if (block.ts !== undefined) closeBlock();
      block.ts = ts;
    }
    block.lastPrice = price;
    const activeUnits = Number(pool.liquidity) / LIQUIDITY_SCALE;
    const swap: AdvisorSwap = { ts, price, volumeUsd: usdLeg, liquidityUsd: 2 * activeUnits * Math.sqrt(price) };
    advisor.update(swap);
    advisorSwaps.push(swap);
    samples.push({ ts: swap.ts, priceUsd: price, liquidity: activeUnits, cumulativeFeesUsd: lpFeesUsd, cumulativeLvrUsd: lvrUsd });
    prev = { sqrt: pool.sqrtPriceX96, g0: pool.feeGrowthGlobal0X128, g1: pool.feeGrowthGlobal1X128 };
  });
  if (!position) throw new RangeError('no SWAP event to open the position at');
  position.timeInRange = swaps === 0 ? 0 : inRange / swaps;
  closeBlock();
  const [lo, hi] = position.rangeUsd;
  const lastPrice = block.lastPrice;
  const ilUsd = rangeValue(liquidityUnits, lastPrice, lo, hi) - (held.eth * lastPrice + held.usd);
  const day = batchWindowStats(advisorSwaps, Number.POSITIVE_INFINITY);
  return {
    feeTier: options.fee,
    swaps: report.swaps,
    volumeUsd,
    feesUsd,
    volatility: day.sigmaAnnual,
    utilization: day.utilisationPerDay,
    position,
    lpFeesUsd,
    ilUsd,
    lvrUsd,
    lpNetUsd: lpFeesUsd + ilUsd,
    lpNetOfLvrUsd: lpFeesUsd - lvrUsd,
    advisor: advisor.recommend(),
    replay: { swaps: report.swaps, reproduced: report.reproduced, mismatches: report.mismatches },
    samples,
  };
}

/** The share of a move of √price from `a` to `b` that lies inside [lo, hi]; a move of nothing counts wholly if inside. */
export function pathShareInRange(a: bigint, b: bigint, lo: bigint, hi: bigint): number {
  const from = a < b ? a : b;
  const to = a < b ? b : a;
  if (from === to) return from >= lo && from <= hi ? 1 : 0;
  const overlap = (to < hi ? to : hi) - (from > lo ? from : lo);
  return overlap <= 0n ? 0 : Number(overlap) / Number(to - from);
}
