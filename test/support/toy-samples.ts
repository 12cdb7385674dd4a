import type { Sample } from '../../actors/models/sample.js';
import { seededRandom } from '../../actors/models/seeded-random.js';

/** Up indicators repeating up, up, down, down: the next bar's direction follows from the last two. */
export function periodFourUps(bars: number): (0 | 1)[] {
  return Array.from({ length: bars }, (_, j) => (j % 4 < 2 ? 1 : 0));
}

/** Up indicators of a driftless coin-flip walk: nothing in the past tells the next one. */
export function coinFlipUps(bars: number, seed: number): (0 | 1)[] {
  const random = seededRandom(seed);
  return Array.from({ length: bars }, () => (random() < 0.5 ? 1 : 0));
}

/**
 * Scaled rows of a toy bar series: column 0 is the bar's scaled log return (0.75 up, 0.25 down), column 1 a
 * deterministic distractor. One sample per bar with a full window behind it and a bar after it.
 */
export function toySamples(ups: readonly (0 | 1)[], window: number): Sample[] {
  const rows = ups.map((u, j) => [u === 1 ? 0.75 : 0.25, ((j * 37) % 11) / 10]);
  const samples: Sample[] = [];
  for (let t = window - 1; t + 1 < rows.length; t++) {
    samples.push({ ts: t * 60_000, window: rows.slice(t - window + 1, t + 1), next: rows[t + 1]!, up: ups[t + 1]!, nextReturn: ups[t + 1] === 1 ? 0.001 : -0.001 });
  }
  return samples;
}

/** Share of samples whose direction P(up) > 0.5 calls right. */
export function accuracy(predict: (window: number[][]) => number, samples: readonly Sample[]): number {
  const right = samples.filter((s) => (predict(s.window) > 0.5 ? 1 : 0) === s.up).length;
  return right / samples.length;
}
