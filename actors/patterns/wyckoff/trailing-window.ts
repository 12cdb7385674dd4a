import type { Candle } from '../../market-data/types.js';

/** A bar the detector remembers: the candle, its index, and whether its volume was high for its time. */
export interface Bar extends Candle {
  index: number;
  /** Volume ≥ the preliminary multiple × the trailing average when the bar closed (a PS / PSY candidate). */
  highVolume: boolean;
}

/** The last `size` bars, oldest first: trailing averages of volume and range, and the lowest low. */
export class TrailingWindow {
  private readonly bars: Bar[] = [];
  private volumeSum = 0;
  private rangeSum = 0;

  constructor(private readonly size: number) {}

  get full(): boolean {
    return this.bars.length >= this.size;
  }

  push(bar: Bar): void {
    this.bars.push(bar);
    this.volumeSum += bar.volume;
    this.rangeSum += bar.high - bar.low;
    if (this.bars.length > this.size) {
      const out = this.bars.shift()!;
      this.volumeSum -= out.volume;
      this.rangeSum -= out.high - out.low;
    }
  }

  /** Running sums: exact for the worked examples' values, within rounding for long float series. */
  meanVolume(): number {
    return this.volumeSum / this.bars.length;
  }

  meanRange(): number {
    return this.rangeSum / this.bars.length;
  }

  lowestLow(): number {
    return this.bars.reduce((min, b) => Math.min(min, b.low), Infinity);
  }

  /** The latest of the last `count` bars that matches, if any. */
  latest(count: number, match: (bar: Bar) => boolean): Bar | undefined {
    for (let i = this.bars.length - 1; i >= Math.max(0, this.bars.length - count); i--) {
      if (match(this.bars[i]!)) return this.bars[i];
    }
    return undefined;
  }
}
