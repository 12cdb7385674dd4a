import { seededRandom } from '../../runtime/random.js';
import type { StateVector } from './state-vector.js';

/**
 * "Measurement": `shots` basis-state indices drawn from |amp|² with the project's seeded RNG
 * (inverse CDF over the cumulative probabilities, binary search per shot). The state is left as it was.
 */
export function sample(state: StateVector, shots: number, seed: number): Uint32Array {
  const cdf = new Float64Array(state.size);
  let total = 0;
  for (let k = 0; k < state.size; k++) {
    total += state.probability(k);
    cdf[k] = total;
  }
  const random = seededRandom(seed);
  const out = new Uint32Array(shots);
  for (let s = 0; s < shots; s++) {
    const u = random() * total;
    let lo = 0, hi = state.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    out[s] = lo;
  }
  return out;
}
