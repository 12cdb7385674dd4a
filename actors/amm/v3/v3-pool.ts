import { mulDiv, Q128, wrapUint256 } from '../full-math.js';
import { getAmount0DeltaSigned, getAmount1DeltaSigned } from './sqrt-price-math.js';
import { computeSwapStep } from './swap-step.js';
import { TickMap } from './tick-map.js';
import { getSqrtRatioAtTick, getTickAtSqrtRatio, MAX_SQRT_RATIO, MAX_TICK, MIN_SQRT_RATIO, MIN_TICK } from './tick-math.js';

export interface V3PoolState {
  sqrtPriceX96: bigint;
  tick: number;
  /** Active liquidity: the positions whose range holds the current tick. */
  liquidity: bigint;
  feeGrowthGlobal0X128?: bigint;
  feeGrowthGlobal1X128?: bigint;
}

export interface V3PoolOptions {
  /** Fee in hundredths of a bip (500 = 0.05%). */
  fee: number;
  tickSpacing: number;
  /** The protocol's share of fees as 1/n per token (0 = off), as slot0.feeProtocol's two nibbles. */
  feeProtocol0?: number;
  feeProtocol1?: number;
}

export interface SwapParams {
  zeroForOne: boolean;
  /** > 0 exact input, < 0 exact output, of token0 when zeroForOne === (amountSpecified > 0). */
  amountSpecified: bigint;
  /** Defaults to the furthest price the contract accepts in that direction. */
  sqrtPriceLimitX96?: bigint;
}

export interface SwapResult {
  /** From the pool's side: > 0 paid into the pool. */
  amount0: bigint;
  amount1: bigint;
  sqrtPriceX96: bigint;
  tick: number;
  liquidity: bigint;
  /** Initialized ticks crossed, in order, with the fee growth globals at the crossing. */
  crossings: { tick: number; feeGrowthGlobal0X128: bigint; feeGrowthGlobal1X128: bigint }[];
  feeGrowthGlobalX128: bigint;
  protocolFee: bigint;
  steps: number;
}

/**
 * A Uniswap V3 pool's state and its swap, mint and burn, as UniswapV3Pool computes them (without the oracle and
 * without per-owner positions). `quoteSwap` is the contract's swap loop with no effect; `swap` applies it.
 */
export class V3Pool {
  sqrtPriceX96: bigint;
  tick: number;
  liquidity: bigint;
  feeGrowthGlobal0X128: bigint;
  feeGrowthGlobal1X128: bigint;
  protocolFees0 = 0n;
  protocolFees1 = 0n;
  readonly fee: number;
  readonly tickSpacing: number;
  readonly ticks: TickMap;
  readonly feeProtocol0: number;
  readonly feeProtocol1: number;

  constructor(state: V3PoolState, options: V3PoolOptions) {
    this.sqrtPriceX96 = state.sqrtPriceX96;
    this.tick = state.tick;
    this.liquidity = state.liquidity;
    this.feeGrowthGlobal0X128 = state.feeGrowthGlobal0X128 ?? 0n;
    this.feeGrowthGlobal1X128 = state.feeGrowthGlobal1X128 ?? 0n;
    this.fee = options.fee;
    this.tickSpacing = options.tickSpacing;
    this.feeProtocol0 = options.feeProtocol0 ?? 0;
    this.feeProtocol1 = options.feeProtocol1 ?? 0;
    this.ticks = new TickMap(options.tickSpacing);
  }

  /** The swap's outcome from the current state, changing nothing. Throws what the contract would revert on. */
  quoteSwap({ zeroForOne, amountSpecified, sqrtPriceLimitX96 }: SwapParams): SwapResult {
    if (amountSpecified === 0n) throw new RangeError('swap: amountSpecified is 0');
    const limit = sqrtPriceLimitX96 ?? (zeroForOne ? MIN_SQRT_RATIO + 1n : MAX_SQRT_RATIO - 1n);
    const limitOk = zeroForOne ? limit < this.sqrtPriceX96 && limit > MIN_SQRT_RATIO : limit > this.sqrtPriceX96 && limit < MAX_SQRT_RATIO;
    if (!limitOk) throw new RangeError(`swap: price limit ${limit} is not ${zeroForOne ? 'below' : 'above'} the price ${this.sqrtPriceX96}`);
    const exactInput = amountSpecified > 0n;
    const feeProtocol = BigInt(zeroForOne ? this.feeProtocol0 : this.feeProtocol1);
    let remaining = amountSpecified;
    let calculated = 0n;
    let sqrtPriceX96 = this.sqrtPriceX96;
    let tick = this.tick;
    let liquidity = this.liquidity;
    let feeGrowthGlobalX128 = zeroForOne ? this.feeGrowthGlobal0X128 : this.feeGrowthGlobal1X128;
    let protocolFee = 0n;
    let steps = 0;
    const crossings: SwapResult['crossings'] = [];

    while (remaining !== 0n && sqrtPriceX96 !== limit) {
      steps++;
      const start = sqrtPriceX96;
      let { next, initialized } = this.ticks.nextInitializedTickWithinOneWord(tick, zeroForOne);
      next = Math.min(MAX_TICK, Math.max(MIN_TICK, next));
      const sqrtPriceNextX96 = getSqrtRatioAtTick(next);
      const target = (zeroForOne ? sqrtPriceNextX96 < limit : sqrtPriceNextX96 > limit) ? limit : sqrtPriceNextX96;
      const step = computeSwapStep(sqrtPriceX96, target, liquidity, remaining, this.fee);
      sqrtPriceX96 = step.sqrtRatioNextX96;
      if (exactInput) {
        remaining -= step.amountIn + step.feeAmount;
        calculated -= step.amountOut;
      } else {
        remaining += step.amountOut;
        calculated += step.amountIn + step.feeAmount;
      }
      let feeAmount = step.feeAmount;
      if (feeProtocol > 0n) {
        const delta = feeAmount / feeProtocol;
        feeAmount -= delta;
        protocolFee += delta;
      }
      if (liquidity > 0n) feeGrowthGlobalX128 = wrapUint256(feeGrowthGlobalX128 + mulDiv(feeAmount, Q128, liquidity));

      if (sqrtPriceX96 === sqrtPriceNextX96) {
        if (initialized) {
          const fg0 = zeroForOne ? feeGrowthGlobalX128 : this.feeGrowthGlobal0X128;
          const fg1 = zeroForOne ? this.feeGrowthGlobal1X128 : feeGrowthGlobalX128;
          crossings.push({ tick: next, feeGrowthGlobal0X128: fg0, feeGrowthGlobal1X128: fg1 });
          const net = this.ticks.get(next)?.liquidityNet ?? 0n;
          liquidity += zeroForOne ? -net : net;
          if (liquidity < 0n) throw new RangeError(`swap: liquidity below 0 after crossing tick ${next}`);
        }
        tick = zeroForOne ? next - 1 : next;
      } else if (sqrtPriceX96 !== start) {
        tick = getTickAtSqrtRatio(sqrtPriceX96);
      }
    }

    const specifiedUsed = amountSpecified - remaining;
    const [amount0, amount1] = zeroForOne === exactInput ? [specifiedUsed, calculated] : [calculated, specifiedUsed];
    return { amount0, amount1, sqrtPriceX96, tick, liquidity, crossings, feeGrowthGlobalX128, protocolFee, steps };
  }

  /** Runs the swap and applies it: price, tick, liquidity, fee growth, crossed ticks' fee growth outside. */
  swap(params: SwapParams): SwapResult {
    const result = this.quoteSwap(params);
    this.applySwap(params.zeroForOne, result);
    return result;
  }

  /** Applies a result obtained from quoteSwap on this very state. */
  applySwap(zeroForOne: boolean, result: SwapResult): void {
    for (const c of result.crossings) this.ticks.cross(c.tick, c.feeGrowthGlobal0X128, c.feeGrowthGlobal1X128);
    this.sqrtPriceX96 = result.sqrtPriceX96;
    this.tick = result.tick;
    this.liquidity = result.liquidity;
    if (zeroForOne) {
      this.feeGrowthGlobal0X128 = result.feeGrowthGlobalX128;
      this.protocolFees0 += result.protocolFee;
    } else {
      this.feeGrowthGlobal1X128 = result.feeGrowthGlobalX128;
      this.protocolFees1 += result.protocolFee;
    }
  }

  /** Adds liquidity to [tickLower, tickUpper); returns what the pool is owed (rounded up). */
  mint(tickLower: number, tickUpper: number, liquidity: bigint): { amount0: bigint; amount1: bigint } {
    if (liquidity <= 0n) throw new RangeError('mint: liquidity must be > 0');
    return this.modifyPosition(tickLower, tickUpper, liquidity);
  }

  /** Removes liquidity from [tickLower, tickUpper); returns what the pool pays out (rounded down, as positive numbers). */
  burn(tickLower: number, tickUpper: number, liquidity: bigint): { amount0: bigint; amount1: bigint } {
    if (liquidity < 0n) throw new RangeError('burn: liquidity must be ≥ 0');
    if (liquidity === 0n) return { amount0: 0n, amount1: 0n };
    const { amount0, amount1 } = this.modifyPosition(tickLower, tickUpper, -liquidity);
    return { amount0: -amount0, amount1: -amount1 };
  }

  /** Fee growth per unit of liquidity inside the range, to difference over time for a position's fees. */
  feeGrowthInside(tickLower: number, tickUpper: number): [bigint, bigint] {
    return this.ticks.feeGrowthInside(tickLower, tickUpper, this.tick, this.feeGrowthGlobal0X128, this.feeGrowthGlobal1X128);
  }

  private modifyPosition(tickLower: number, tickUpper: number, delta: bigint): { amount0: bigint; amount1: bigint } {
    if (!(tickLower < tickUpper && tickLower >= MIN_TICK && tickUpper <= MAX_TICK)) throw new RangeError(`position [${tickLower}, ${tickUpper}) is not a valid range`);
    this.ticks.update(tickLower, this.tick, delta, this.feeGrowthGlobal0X128, this.feeGrowthGlobal1X128, false);
    this.ticks.update(tickUpper, this.tick, delta, this.feeGrowthGlobal0X128, this.feeGrowthGlobal1X128, true);
    const lower = getSqrtRatioAtTick(tickLower);
    const upper = getSqrtRatioAtTick(tickUpper);
    if (this.tick < tickLower) return { amount0: getAmount0DeltaSigned(lower, upper, delta), amount1: 0n };
    if (this.tick >= tickUpper) return { amount0: 0n, amount1: getAmount1DeltaSigned(lower, upper, delta) };
    this.liquidity += delta;
    return { amount0: getAmount0DeltaSigned(this.sqrtPriceX96, upper, delta), amount1: getAmount1DeltaSigned(lower, this.sqrtPriceX96, delta) };
  }
}
