import { InputError } from '../../runtime/errors.js';
import { windowStats, type AdvisorSwap, type WindowStats } from './window-stats.js';

const INITIAL_CAPACITY = 256;

/**
 * The window-stats.ts estimates kept incrementally: one ring-buffer entry per timestamp (r², volume, turnover), running
 * sums added to on arrival and subtracted from on eviction. `push` is amortised O(1) (the ring doubles when full; a
 * swap at the timestamp of the previous one amends the newest entry). No allocation per swap once the ring is sized.
 */
export class TrailingWindow {
  private ts = new Float64Array(INITIAL_CAPACITY);
  private r2 = new Float64Array(INITIAL_CAPACITY);
  private volume = new Float64Array(INITIAL_CAPACITY);
  private turnover = new Float64Array(INITIAL_CAPACITY);
  private head = 0;
  private size = 0;
  private sumR2 = 0;
  private sumVolume = 0;
  private sumTurnover = 0;
  private firstTs = NaN;
  private lastTs = NaN;
  /** Last price at the newest timestamp, and at the one before it. */
  private lastPrice = NaN;
  private previousPrice = NaN;
  private lastLiquidity = 0;

  constructor(readonly windowMs: number) {
    if (!(windowMs > 0) || !Number.isFinite(windowMs)) throw new InputError(`trailing window ${windowMs} ms: must be a finite number > 0`);
  }

  push(swap: AdvisorSwap): void {
    const { ts, price, volumeUsd, liquidityUsd } = swap;
    if (!(price > 0) || !(volumeUsd >= 0) || !(liquidityUsd > 0) || !Number.isFinite(ts) || !Number.isFinite(price) || !Number.isFinite(volumeUsd) || !Number.isFinite(liquidityUsd)) {
      throw new InputError(`swap at ts ${ts}: needs finite ts, price > 0, volumeUsd ≥ 0 and liquidityUsd > 0`, [`price ${price}`, `volumeUsd ${volumeUsd}`, `liquidityUsd ${liquidityUsd}`]);
    }
    if (ts < this.lastTs) throw new InputError(`swap at ts ${ts}: earlier than the previous swap at ${this.lastTs}; feed swaps in time order`);
    const turnover = volumeUsd / liquidityUsd;
    this.lastLiquidity = liquidityUsd;
    if (ts === this.lastTs) {
      const newest = (this.head + this.size - 1) & (this.ts.length - 1);
      const r2 = Number.isNaN(this.previousPrice) ? 0 : Math.log(price / this.previousPrice) ** 2;
      this.sumR2 += r2 - this.r2[newest]!;
      this.r2[newest] = r2;
      this.volume[newest]! += volumeUsd;
      this.turnover[newest]! += turnover;
      this.sumVolume += volumeUsd;
      this.sumTurnover += turnover;
      this.lastPrice = price;
      return;
    }
    if (Number.isNaN(this.firstTs)) this.firstTs = ts;
    this.evictUpTo(ts - this.windowMs);
    if (this.size === this.ts.length) this.grow();
    const r2 = Number.isNaN(this.lastPrice) ? 0 : Math.log(price / this.lastPrice) ** 2;
    const at = (this.head + this.size) & (this.ts.length - 1);
    this.ts[at] = ts;
    this.r2[at] = r2;
    this.volume[at] = volumeUsd;
    this.turnover[at] = turnover;
    this.size++;
    this.sumR2 += r2;
    this.sumVolume += volumeUsd;
    this.sumTurnover += turnover;
    this.previousPrice = this.lastPrice;
    this.lastPrice = price;
    this.lastTs = ts;
  }

  stats(): WindowStats {
    const elapsedMs = this.size === 0 ? 0 : Math.min(this.windowMs, this.lastTs - this.firstTs);
    return windowStats({
      observations: this.size,
      elapsedSec: elapsedMs / 1000,
      sumSquaredReturns: this.sumR2,
      volumeUsd: this.sumVolume,
      turnover: this.sumTurnover,
      liquidityUsd: this.lastLiquidity,
    });
  }

  private evictUpTo(cutoff: number): void {
    const mask = this.ts.length - 1;
    while (this.size > 0 && this.ts[this.head]! <= cutoff) {
      this.sumR2 -= this.r2[this.head]!;
      this.sumVolume -= this.volume[this.head]!;
      this.sumTurnover -= this.turnover[this.head]!;
      this.head = (this.head + 1) & mask;
      this.size--;
    }
    if (this.size === 0) {
      this.sumR2 = 0;
      this.sumVolume = 0;
      this.sumTurnover = 0;
    }
  }

  private grow(): void {
    const n = this.ts.length;
    const copy = (a: Float64Array) => {
      const b = new Float64Array(n * 2);
      for (let i = 0; i < this.size; i++) b[i] = a[(this.head + i) & (n - 1)]!;
      return b;
    };
    this.ts = copy(this.ts);
    this.r2 = copy(this.r2);
    this.volume = copy(this.volume);
    this.turnover = copy(this.turnover);
    this.head = 0;
  }
}
