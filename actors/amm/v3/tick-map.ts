import { MAX_UINT128, wrapUint256 } from '../full-math.js';

/** What the pool keeps for an initialized tick (Tick.Info, without the oracle fields). */
export interface TickInfo {
  /** Liquidity of all positions with this tick as a bound; the tick is initialized while this is > 0. */
  liquidityGross: bigint;
  /** Liquidity added when the price crosses this tick upward (subtracted downward). */
  liquidityNet: bigint;
  feeGrowthOutside0X128: bigint;
  feeGrowthOutside1X128: bigint;
}

/** liquidityGross given to a tick whose positions are unknown (it existed before the data began): burns never empty it. */
export const ASSUMED_GROSS = 1n << 127n;

/**
 * The pool's initialized ticks: Tick.sol's per-tick record and TickBitmap's search, which looks no further than the
 * 256 spaced ticks of one bitmap word, so a swap also stops at word boundaries (that split changes rounding).
 */
export class TickMap {
  private readonly info = new Map<number, TickInfo>();
  /** Initialized ticks, ascending. */
  private readonly sorted: number[] = [];

  constructor(readonly tickSpacing: number) {}

  get(tick: number): TickInfo | undefined {
    return this.info.get(tick);
  }

  /** Initialized ticks in ascending order (a copy). */
  initialized(): number[] {
    return [...this.sorted];
  }

  private lowerBound(tick: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < tick) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private flip(tick: number): void {
    const i = this.lowerBound(tick);
    if (this.sorted[i] === tick) this.sorted.splice(i, 1);
    else this.sorted.splice(i, 0, tick);
  }

  /**
   * The next initialized tick at or below `tick` (lte) or above it, looking only inside the current bitmap word;
   * when there is none, the word's last tick in that direction, not initialized.
   */
  nextInitializedTickWithinOneWord(tick: number, lte: boolean): { next: number; initialized: boolean } {
    const s = this.tickSpacing;
    const compressed = Math.floor(tick / s);
    if (lte) {
      const wordStart = (compressed - (compressed & 255)) * s;
      const i = this.lowerBound(compressed * s + 1) - 1;
      const found = i >= 0 ? this.sorted[i]! : undefined;
      return found !== undefined && found >= wordStart ? { next: found, initialized: true } : { next: wordStart, initialized: false };
    }
    const start = compressed + 1;
    const wordEnd = (start - (start & 255) + 255) * s;
    const found = this.sorted[this.lowerBound(start * s)];
    return found !== undefined && found <= wordEnd ? { next: found, initialized: true } : { next: wordEnd, initialized: false };
  }

  /**
   * A position's bound gains (or loses) `liquidityDelta` (Tick.update); fee growth below the current tick is booked
   * outside a newly initialized tick by convention. Returns whether the tick flipped between initialized and not.
   */
  update(tick: number, tickCurrent: number, liquidityDelta: bigint, feeGrowthGlobal0X128: bigint, feeGrowthGlobal1X128: bigint, upper: boolean): boolean {
    if (tick % this.tickSpacing !== 0) throw new RangeError(`tick ${tick} is not a multiple of the tick spacing ${this.tickSpacing}`);
    const existing = this.info.get(tick);
    const grossBefore = existing?.liquidityGross ?? 0n;
    const grossAfter = grossBefore + liquidityDelta;
    if (grossAfter < 0n || grossAfter > MAX_UINT128) throw new RangeError(`tick ${tick}: liquidityGross ${grossBefore} + ${liquidityDelta} out of range`);
    const info = existing ?? { liquidityGross: 0n, liquidityNet: 0n, feeGrowthOutside0X128: 0n, feeGrowthOutside1X128: 0n };
    if (grossBefore === 0n && tick <= tickCurrent) {
      info.feeGrowthOutside0X128 = feeGrowthGlobal0X128;
      info.feeGrowthOutside1X128 = feeGrowthGlobal1X128;
    }
    info.liquidityGross = grossAfter;
    info.liquidityNet = upper ? info.liquidityNet - liquidityDelta : info.liquidityNet + liquidityDelta;
    const flipped = (grossAfter === 0n) !== (grossBefore === 0n);
    if (this.isInitialized(tick) !== grossAfter > 0n && (flipped || liquidityDelta > 0n)) this.flip(tick);
    if (grossAfter === 0n) this.info.delete(tick);
    else this.info.set(tick, info);
    return flipped;
  }

  /**
   * Adds liquidity that was at `tick` before the data began: `liquidityNet` (inferred by the caller) on top of what
   * is recorded there, and ASSUMED_GROSS of gross liquidity. A tick new to the map books fee growth outside as
   * a newly initialized tick would.
   */
  assume(tick: number, liquidityNet: bigint, tickCurrent: number, feeGrowthGlobal0X128: bigint, feeGrowthGlobal1X128: bigint): void {
    this.update(tick, tickCurrent, ASSUMED_GROSS, feeGrowthGlobal0X128, feeGrowthGlobal1X128, false);
    this.info.get(tick)!.liquidityNet += liquidityNet - ASSUMED_GROSS;
  }

  /** Whether the bitmap has the tick: a swap stops there. */
  isInitialized(tick: number): boolean {
    return this.sorted[this.lowerBound(tick)] === tick;
  }

  /**
   * Sets the bitmap bit alone, for a tick of net 0 whose positions are unknown: it may have been emptied before or
   * during the data. A mint (liquidityDelta > 0) always sets it again, as in the contract.
   */
  setInitialized(tick: number, on: boolean): void {
    if (this.isInitialized(tick) !== on) this.flip(tick);
  }

  /** The price crosses `tick` (Tick.cross): fee growth outside flips to the other side. Returns its liquidityNet. */
  cross(tick: number, feeGrowthGlobal0X128: bigint, feeGrowthGlobal1X128: bigint): bigint {
    const info = this.info.get(tick);
    if (!info) return 0n;
    info.feeGrowthOutside0X128 = wrapUint256(feeGrowthGlobal0X128 - info.feeGrowthOutside0X128);
    info.feeGrowthOutside1X128 = wrapUint256(feeGrowthGlobal1X128 - info.feeGrowthOutside1X128);
    return info.liquidityNet;
  }

  /** Fee growth per unit of liquidity inside [tickLower, tickUpper) (Tick.getFeeGrowthInside), uint256 wrapping. */
  feeGrowthInside(tickLower: number, tickUpper: number, tickCurrent: number, feeGrowthGlobal0X128: bigint, feeGrowthGlobal1X128: bigint): [bigint, bigint] {
    const lower = this.info.get(tickLower);
    const upper = this.info.get(tickUpper);
    const lo0 = lower?.feeGrowthOutside0X128 ?? 0n;
    const lo1 = lower?.feeGrowthOutside1X128 ?? 0n;
    const up0 = upper?.feeGrowthOutside0X128 ?? 0n;
    const up1 = upper?.feeGrowthOutside1X128 ?? 0n;
    const below0 = tickCurrent >= tickLower ? lo0 : feeGrowthGlobal0X128 - lo0;
    const below1 = tickCurrent >= tickLower ? lo1 : feeGrowthGlobal1X128 - lo1;
    const above0 = tickCurrent < tickUpper ? up0 : feeGrowthGlobal0X128 - up0;
    const above1 = tickCurrent < tickUpper ? up1 : feeGrowthGlobal1X128 - up1;
    return [wrapUint256(feeGrowthGlobal0X128 - below0 - above0), wrapUint256(feeGrowthGlobal1X128 - below1 - above1)];
  }
}
