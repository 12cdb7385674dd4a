import type { SwingPoint } from '../swing-point.js';
import { checkAbc } from './check-abc.js';
import { checkImpulse, type ImpulseOptions } from './check-impulse.js';
import type { ElliottPattern } from './elliott-pattern.js';

/** Every run of 6 consecutive swing points that is an impulse or a diagonal, in order of their first point. */
export function findImpulses(swings: readonly SwingPoint[], opts: ImpulseOptions = {}): ElliottPattern[] {
  return scan(swings, 6, (window) => checkImpulse(window, opts));
}

/** Every run of 4 consecutive swing points that is an ABC zigzag correction. */
export function findCorrections(swings: readonly SwingPoint[]): ElliottPattern[] {
  return scan(swings, 4, checkAbc);
}

function scan(swings: readonly SwingPoint[], size: number, check: (w: readonly SwingPoint[]) => { ok: true; pattern: ElliottPattern } | { ok: false }): ElliottPattern[] {
  const found: ElliottPattern[] = [];
  for (let i = 0; i + size <= swings.length; i++) {
    const result = check(swings.slice(i, i + size));
    if (result.ok) found.push(result.pattern);
  }
  return found;
}
