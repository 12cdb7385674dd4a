import type { Family } from '../../actors/allocation/family.js';

/**
 * A recorded P&L series per family: the P&L steps, repeated, of each sample after the first. Equity at sample i is
 * the starting capital plus the sum of the first i steps.
 */
export function recordedEquities(start: Partial<Record<Family, number>>, steps: Partial<Record<Family, readonly number[]>>, samples: number): Partial<Record<Family, number>>[] {
  const out: Partial<Record<Family, number>>[] = [];
  const equity = { ...start };
  for (let i = 0; i < samples; i++) {
    if (i > 0) {
      for (const f of Object.keys(steps) as Family[]) {
        const cycle = steps[f]!;
        equity[f] = equity[f]! + cycle[(i - 1) % cycle.length]!;
      }
    }
    out.push({ ...equity });
  }
  return out;
}
