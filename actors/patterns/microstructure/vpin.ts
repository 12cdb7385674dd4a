import { InputError } from '../../runtime/errors.js';
import type { VolumeBucket } from './volume-buckets.js';

/**
 * VPIN (Easley, López de Prado & O'Hara 2012) over the last `window` buckets: Σ |buy − sell| / Σ (buy + sell), in
 * [0, 1]. Null when there are fewer buckets than the window.
 */
export function vpin(buckets: readonly VolumeBucket[], window: number): number | null {
  if (!Number.isInteger(window) || window < 1) throw new InputError(`VPIN window ${window}: must be a whole number of buckets ≥ 1`);
  if (buckets.length < window) return null;
  let imbalance = 0;
  let volume = 0;
  for (let i = buckets.length - window; i < buckets.length; i++) {
    const b = buckets[i]!;
    imbalance += Math.abs(b.buy - b.sell);
    volume += b.buy + b.sell;
  }
  return volume === 0 ? null : imbalance / volume;
}

/** VPIN after each bucket from the window-th on (index 0: buckets 0..window-1). */
export function vpinSeries(buckets: readonly VolumeBucket[], window: number): number[] {
  const out: number[] = [];
  for (let end = window; end <= buckets.length; end++) out.push(vpin(buckets.slice(end - window, end), window)!);
  return out;
}
