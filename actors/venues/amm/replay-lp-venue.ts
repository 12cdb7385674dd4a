import { Q128, wrapUint256 } from '../../amm/full-math.js';
import { pathShareInRange } from '../../amm/lp/lp-day.js';
import { usdPerEth } from '../../amm/lp/usd-prices.js';
import { getSqrtRatioAtTick } from '../../amm/v3/tick-math.js';
import type { V3Pool } from '../../amm/v3/v3-pool.js';
import { gasUsd, LP_GAS } from './lp-gas.js';
import type { BurnResult, LpVenue, MintRequest, MintResult, PoolState, PositionMark } from './lp-venue.js';
import { poolState, type PoolBefore } from './replay-market.js';
import { amountsUsd, checkMintRequest, liquidityForDeposit, positionAmounts } from './position-amounts.js';

interface Position {
  fee: number;
  tickLower: number;
  tickUpper: number;
  sqrtLower: bigint;
  sqrtUpper: bigint;
  liquidity: bigint;
  /** Fees earned so far, times 2^128 (the pool's fee growth units times liquidity). */
  fees0X128: bigint;
  fees1X128: bigint;
  burned: boolean;
}

const SHARE_BITS = 53n;

/** `amount` × `share` (0..1), exact when the share is 1 and to 2^-53 otherwise. */
function times(amount: bigint, share: number): bigint {
  return share === 1 ? amount : (amount * BigInt(Math.round(share * 2 ** 53))) >> SHARE_BITS;
}

/**
 * The LP venue of the backtest: positions on the replayed pools (ReplayMarket). A position does not join the replayed
 * pool: it is small against it and changes no recorded swap, and adding it would move the pool off the recorded
 * path. Its fees accrue as actors/amm/lp/lp-day.ts computes them: on each swap of its pool, the pool's fee growth
 * (both tokens) times its liquidity, times the share of the swap's √price path inside its range.
 */
export class ReplayLpVenue implements LpVenue {
  readonly fees: readonly number[];
  private readonly positions = new Map<string, Position>();
  private count = 0;

  constructor(
    readonly id: string,
    private readonly pools: ReadonlyMap<number, V3Pool>,
    private readonly gasPriceGwei: number,
    /** The block and time of the market's latest step; undefined before the first. */
    private readonly last: () => { block: number; ts: number } | undefined,
  ) {
    this.fees = [...pools.keys()].sort((a, b) => a - b);
  }

  /** Accrues the swap just replayed on the `fee` pool to that pool's open positions (the market calls it). */
  accrue(fee: number, before: PoolBefore, pool: V3Pool): void {
    const growth0 = wrapUint256(pool.feeGrowthGlobal0X128 - before.feeGrowthGlobal0X128);
    const growth1 = wrapUint256(pool.feeGrowthGlobal1X128 - before.feeGrowthGlobal1X128);
    if (growth0 === 0n && growth1 === 0n) return;
    for (const p of this.positions.values()) {
      if (p.burned || p.fee !== fee) continue;
      const share = pathShareInRange(before.sqrtPriceX96, pool.sqrtPriceX96, p.sqrtLower, p.sqrtUpper);
      if (share === 0) continue;
      p.fees0X128 += times(growth0 * p.liquidity, share);
      p.fees1X128 += times(growth1 * p.liquidity, share);
    }
  }

  pool(fee: number): PoolState {
    return poolState(this.v3(fee));
  }

  async mint(request: MintRequest): Promise<MintResult> {
    const { fee, tickLower, tickUpper, depositUsd } = request;
    const pool = this.v3(fee);
    checkMintRequest(request, pool.tickSpacing);
    const at = this.at('mint');
    const price = usdPerEth(pool.sqrtPriceX96);
    const liquidity = liquidityForDeposit(pool.sqrtPriceX96, tickLower, tickUpper, depositUsd);
    if (liquidity <= 0n) throw new RangeError(`mint: $${depositUsd} is too little for any liquidity in [${tickLower}, ${tickUpper})`);
    const position: Position = { fee, tickLower, tickUpper, sqrtLower: getSqrtRatioAtTick(tickLower), sqrtUpper: getSqrtRatioAtTick(tickUpper), liquidity, fees0X128: 0n, fees1X128: 0n, burned: false };
    const { amount0, amount1 } = positionAmounts(pool.sqrtPriceX96, tickLower, tickUpper, liquidity, true);
    const positionId = `replay-${++this.count}`;
    this.positions.set(positionId, position);
    return { positionId, fee, tickLower, tickUpper, liquidity, amount0, amount1, depositedUsd: amountsUsd(amount0, amount1, price), gasUsed: LP_GAS.mint, gasUsd: gasUsd(LP_GAS.mint, this.gasPriceGwei, price), ...at };
  }

  async burn(positionId: string): Promise<BurnResult> {
    const p = this.position(positionId, 'burn');
    const pool = this.v3(p.fee);
    const at = this.at('burn');
    const price = usdPerEth(pool.sqrtPriceX96);
    const { amount0, amount1 } = positionAmounts(pool.sqrtPriceX96, p.tickLower, p.tickUpper, p.liquidity, false);
    const fees0 = p.fees0X128 / Q128;
    const fees1 = p.fees1X128 / Q128;
    p.burned = true;
    return { positionId, amount0, amount1, fees0, fees1, withdrawnUsd: amountsUsd(amount0, amount1, price), feesUsd: amountsUsd(fees0, fees1, price), gasUsed: LP_GAS.burn, gasUsd: gasUsd(LP_GAS.burn, this.gasPriceGwei, price), ...at };
  }

  /** valueUsd is the principal plus the fees not yet collected; feesUsd those fees alone. */
  async mark(positionId: string): Promise<PositionMark> {
    const p = this.position(positionId, 'mark');
    const pool = this.v3(p.fee);
    const price = usdPerEth(pool.sqrtPriceX96);
    const { amount0, amount1 } = positionAmounts(pool.sqrtPriceX96, p.tickLower, p.tickUpper, p.liquidity, false);
    const feesUsd = amountsUsd(p.fees0X128 / Q128, p.fees1X128 / Q128, price);
    return { valueUsd: amountsUsd(amount0, amount1, price) + feesUsd, feesUsd };
  }

  open(): string[] {
    return [...this.positions].filter(([, p]) => !p.burned).map(([id]) => id);
  }

  private v3(fee: number): V3Pool {
    const pool = this.pools.get(fee);
    if (!pool) throw new RangeError(`${this.id}: no pool of fee tier ${fee}; it has ${this.fees.join(', ')}`);
    return pool;
  }

  private position(positionId: string, what: string): Position {
    const p = this.positions.get(positionId);
    if (!p) throw new RangeError(`${what}: no position ${positionId} on ${this.id}`);
    if (p.burned) throw new RangeError(`${what}: position ${positionId} is already burned`);
    return p;
  }

  private at(what: string): { block: number; ts: number } {
    const last = this.last();
    if (!last) throw new RangeError(`${what}: the market has not stepped yet; call next() first`);
    return last;
  }
}
