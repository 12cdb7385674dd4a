import { InputError } from '../../runtime/errors.js';
import type { Candle } from '../../market-data/types.js';
import { normalCdf } from './normal-cdf.js';

export interface BarVpinOptions {
  /** Bars in the trailing window of close-to-close changes whose standard deviation scales the classification. */
  sigmaBars: number;
  /** A bucket holds 1/this of a day's volume (the trailing mean bar volume × bars per day / this), fixed when it opens. */
  bucketsPerDay: number;
  /** VPIN is averaged over this many full buckets. */
  window: number;
}

/** The paper's: buckets of 1/50 of a day's volume, VPIN over 50 of them (about a day); σ over 100 bars. */
export const DEFAULT_BAR_VPIN: Readonly<BarVpinOptions> = Object.freeze({ sigmaBars: 100, bucketsPerDay: 50, window: 50 });

const DAY_MS = 86_400_000;

/** Sum of the last `size` values pushed. */
class RollingSum {
  readonly #values: number[] = [];
  #next = 0;
  sum = 0;
  constructor(readonly size: number) {}
  get count(): number {
    return this.#values.length;
  }
  push(x: number): void {
    if (this.#values.length < this.size) this.#values.push(x);
    else {
      this.sum -= this.#values[this.#next]!;
      this.#values[this.#next] = x;
      this.#next = (this.#next + 1) % this.size;
    }
    this.sum += x;
  }
}

/**
 * VPIN (Easley, López de Prado & O'Hara 2012) from time bars, one closed bar at a time: each bar's volume is split by
 * bulk classification, buy = V·Φ(ΔP/σ) with ΔP the close-to-close change and σ the standard deviation of the last
 * `sigmaBars` changes, then poured into equal-volume buckets; VPIN is Σ|buy − sell| / Σ volume over the last `window`
 * full buckets. The batch functions beside it (bulk-volume.ts, volume-buckets.ts, vpin.ts) do the same over a whole
 * trade recording; this one keeps running sums so a bar costs O(1).
 */
export class BarVpin {
  readonly #opts: BarVpinOptions;
  readonly #changes: RollingSum;
  readonly #squares: RollingSum;
  readonly #volumes: RollingSum;
  readonly #imbalances: RollingSum;
  readonly #bucketVolumes: RollingSum;
  #lastClose: number | undefined;
  #lastTs: number | undefined;
  /** Bars in a day: from the gap between the first two bars. */
  #barsPerDay = 0;
  #bucketVolume = 0;
  #room = 0;
  #buy = 0;
  #sell = 0;
  #buckets = 0;

  constructor(opts: Partial<BarVpinOptions> = {}) {
    this.#opts = { ...DEFAULT_BAR_VPIN, ...opts };
    for (const key of ['sigmaBars', 'bucketsPerDay', 'window'] as const) {
      const v = this.#opts[key];
      if (!Number.isInteger(v) || v < (key === 'sigmaBars' ? 2 : 1)) throw new InputError(`VPIN ${key} ${v}: must be a whole number ≥ ${key === 'sigmaBars' ? 2 : 1}`);
    }
    this.#changes = new RollingSum(this.#opts.sigmaBars);
    this.#squares = new RollingSum(this.#opts.sigmaBars);
    this.#volumes = new RollingSum(this.#opts.sigmaBars);
    this.#imbalances = new RollingSum(this.#opts.window);
    this.#bucketVolumes = new RollingSum(this.#opts.window);
  }

  /** Full buckets so far. */
  get buckets(): number {
    return this.#buckets;
  }

  /** VPIN after this bar, or null until σ has its window and `window` buckets are full. */
  push(candle: Candle): number | null {
    const last = this.#lastClose;
    this.#lastClose = candle.close;
    if (this.#barsPerDay === 0 && this.#lastTs !== undefined && candle.ts > this.#lastTs) this.#barsPerDay = DAY_MS / (candle.ts - this.#lastTs);
    this.#lastTs = candle.ts;
    if (last === undefined || this.#barsPerDay === 0) return null;
    const change = candle.close - last;
    this.#changes.push(change);
    this.#squares.push(change * change);
    this.#volumes.push(candle.volume);
    if (this.#changes.count < this.#opts.sigmaBars) return null;
    const n = this.#changes.count;
    const variance = (this.#squares.sum - (this.#changes.sum * this.#changes.sum) / n) / (n - 1);
    const sigma = variance > 0 ? Math.sqrt(variance) : 0;
    const buyShare = sigma > 0 ? normalCdf(change / sigma) : 0.5;
    this.#pour(candle.volume, buyShare);
    return this.#buckets >= this.#opts.window ? this.#imbalances.sum / this.#bucketVolumes.sum : null;
  }

  #pour(volume: number, buyShare: number): void {
    let left = volume;
    while (left > 0) {
      if (this.#room <= 0) this.#open();
      if (!(this.#room > 0)) return;
      const take = Math.min(left, this.#room);
      this.#buy += take * buyShare;
      this.#sell += take * (1 - buyShare);
      left -= take;
      this.#room -= take;
      if (this.#room <= this.#bucketVolume * 1e-12) {
        this.#imbalances.push(Math.abs(this.#buy - this.#sell));
        this.#bucketVolumes.push(this.#buy + this.#sell);
        this.#buckets++;
        this.#room = 0;
      }
    }
  }

  /** A new bucket, sized on the trailing mean bar volume. */
  #open(): void {
    this.#bucketVolume = ((this.#volumes.sum / this.#volumes.count) * this.#barsPerDay) / this.#opts.bucketsPerDay;
    this.#room = this.#bucketVolume;
    this.#buy = 0;
    this.#sell = 0;
  }
}
