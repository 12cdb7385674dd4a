import type { Direction, SwingPoint } from '../swing-point.js';

/**
 * Swing prices seen from the pattern's direction: a bearish sequence is negated, so every rule is written
 * once for the bullish case. `u[i]` rises on a bullish wave, `lengths[i]` is wave i+1's absolute price length.
 */
export interface SignedWaves {
  direction: Direction;
  u: number[];
  lengths: number[];
}

/** Direction from the first point (a swing low starts a rising sequence); a string saying why when kinds do not alternate, bars go backwards or a leg moves the wrong way. */
export function signedWaves(points: readonly SwingPoint[]): SignedWaves | string {
  const first = points[0];
  if (!first) return 'no points';
  const direction: Direction = first.kind === 'low' ? 'bullish' : 'bearish';
  const sign = direction === 'bullish' ? 1 : -1;
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1]!;
    const cur = points[i]!;
    if (cur.kind === prev.kind) return `points ${i - 1} and ${i} are both swing ${cur.kind}s: swings must alternate`;
    if (cur.index <= prev.index) return `point ${i} (bar ${cur.index}) is not after point ${i - 1} (bar ${prev.index})`;
  }
  const u = points.map((p) => sign * p.price);
  const lengths: number[] = [];
  for (let i = 1; i < u.length; i++) {
    const move = u[i]! - u[i - 1]!;
    const up = i % 2 === 1;
    if (up ? move <= 0 : move >= 0) return `wave ${i} moves ${move === 0 ? 'nowhere' : 'the wrong way'} (${points[i - 1]!.price} → ${points[i]!.price})`;
    lengths.push(Math.abs(move));
  }
  return { direction, u, lengths };
}
