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

  constructor(private readonly size: number) {}

  get full(): boolean {
    return this.bars.length >= this.size;
  }

  push(bar: Bar): void {
    this.bars.push(bar);
    if (this.bars.length > this.size) this.bars.shift();
  }

  meanVolume(): number {
    return this.bars.reduce((sum, b) => sum + b.volume, 0) / this.bars.length;
  }

  meanRange(): number {
    return this.bars.reduce((sum, b) => sum + (b.high - b.low), 0) / this.bars.length;
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
