import assert from 'node:assert/strict';
import type { SwingPoint } from '../../../actors/patterns/swing-point.js';

/** Alternating swing points from [bar, price] pairs, the first a low or a high; one-minute bars, confirmed 2 bars later. */
export function swings(first: 'low' | 'high', pairs: readonly (readonly [number, number])[]): SwingPoint[] {
  return pairs.map(([index, price], i) => ({
    index,
    ts: index * 60_000,
    price,
    kind: (i % 2 === 0) === (first === 'low') ? 'low' : 'high',
    confirmedAt: index + 2,
  }));
}

export const near = (actual: number | undefined, expected: number, what: string) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≈ ${expected}`);
