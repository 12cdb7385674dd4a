import { InputError } from '../../runtime/errors.js';
import type { ClassifiedVolume } from './bulk-volume.js';

/** One equal-volume bucket: buy + sell = the bucket volume. */
export interface VolumeBucket {
  buy: number;
  sell: number;
}

/**
 * Pours classified volume, in order, into buckets of `bucketVolume` each (Easley, López de Prado & O'Hara 2012): a
 * part that overflows a bucket is split, its buy share kept in both pieces, the rest starting the next bucket. Only
 * full buckets are returned (the last, partly filled one is not).
 */
export function fillVolumeBuckets(units: readonly ClassifiedVolume[], bucketVolume: number): VolumeBucket[] {
  if (!(bucketVolume > 0)) throw new InputError(`bucket volume ${bucketVolume}: must be positive`);
  const out: VolumeBucket[] = [];
  // Relative slack so that rounding in the split does not leave a bucket short by 1e-16.
  const eps = bucketVolume * 1e-12;
  let room = bucketVolume;
  let buy = 0;
  let sell = 0;
  for (const unit of units) {
    let left = unit.volume;
    const buyShare = unit.volume > 0 ? unit.buy / unit.volume : 0;
    while (left > eps) {
      const take = Math.min(left, room);
      buy += take * buyShare;
      sell += take * (1 - buyShare);
      left -= take;
      room -= take;
      if (room <= eps) {
        out.push({ buy, sell });
        room = bucketVolume;
        buy = 0;
        sell = 0;
      }
    }
  }
  return out;
}
