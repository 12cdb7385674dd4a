import type { Candle } from '../../market-data/types.js';
import { BarVpin, type BarVpinOptions } from './bar-vpin.js';
import { RunningPercentile } from './running-percentile.js';

/** VPINs a percentile is read against (the last 2,000: about 40 days of 1/50-day buckets), and the fewest it needs. */
export const TOXICITY_HISTORY = 2_000;
export const TOXICITY_MIN_HISTORY = 50;

/** A filled bucket's VPIN, and where it stands among the market's earlier ones (null until 50 are known). */
export interface ToxicityReading {
  vpin: number;
  percentile: number | null;
}

/** A market's order-flow toxicity, one closed bar at a time: BarVpin, read against its own history when a bucket fills. */
export class ToxicityMeter {
  readonly #vpin: BarVpin;
  readonly #history = new RunningPercentile(TOXICITY_HISTORY);

  constructor(opts: Partial<BarVpinOptions> = {}) {
    this.#vpin = new BarVpin(opts);
  }

  /** The reading when this bar filled a bucket (and VPIN has its window), else null. */
  push(candle: Candle): ToxicityReading | null {
    const before = this.#vpin.buckets;
    const vpin = this.#vpin.push(candle);
    if (vpin === null || this.#vpin.buckets === before) return null;
    const enough = this.#history.count >= TOXICITY_MIN_HISTORY;
    const percentile = this.#history.push(vpin);
    return { vpin, percentile: enough ? percentile : null };
  }
}
