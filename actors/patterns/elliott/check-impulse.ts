import type { SwingPoint } from '../swing-point.js';
import type { CheckResult, RuleFailure } from './elliott-pattern.js';
import { signedWaves } from './signed-waves.js';

/**
 * The three hard rules of an impulse (Frost & Prechter, "Elliott Wave Principle", ch. 1), plus 'shape' for
 * a sequence that is not five alternating waves at all (wave 3 not passing wave 1's end, or wave 4
 * retracing past wave 3's start, are shape failures: the authors state them as given for any motive wave).
 */
export type ImpulseRule = 'shape' | 'wave-2-beyond-wave-1-start' | 'wave-3-shortest' | 'wave-4-in-wave-1-territory';

export interface ImpulseOptions {
  /** Accept a wave-4/wave-1 overlap as a diagonal when the 1–3 and 2–4 trendlines converge (default true). */
  allowDiagonal?: boolean;
}

/**
 * Checks six swing points (0, 1, …, 5) as a five-wave impulse; bullish when point 0 is a swing low.
 * "Beyond" is strict: wave 2 ending exactly at wave 1's start, or wave 4 exactly at wave 1's end, breaks no rule,
 * and wave 3 tied with the shorter of waves 1 and 5 is not "the shortest".
 * An overlap is a diagonal only if allowed and the line through points 1 and 3 rises more slowly than the line
 * through 2 and 4 (a contracting wedge, EWP's common diagonal; expanding diagonals are not recognised).
 */
export function checkImpulse(points: readonly SwingPoint[], opts: ImpulseOptions = {}): CheckResult<ImpulseRule> {
  if (points.length !== 6) return fail('shape', `an impulse needs 6 points (0–5), got ${points.length}`);
  const waves = signedWaves(points);
  if (typeof waves === 'string') return fail('shape', waves);
  const { direction, u, lengths } = waves;
  const [u0, u1, u2, u3, u4] = u as [number, number, number, number, number, number];
  const [w1, w2, w3, w4, w5] = lengths as [number, number, number, number, number];
  const price = (i: number) => points[i]!.price;
  if (u3 <= u1) return fail('shape', `wave 3 ends at ${price(3)}, not beyond wave 1's end ${price(1)}`);
  if (u4 <= u2) return fail('shape', `wave 4 ends at ${price(4)}, beyond wave 3's start ${price(2)}`);

  const failures: RuleFailure<ImpulseRule>[] = [];
  if (u2 < u0) failures.push({ rule: 'wave-2-beyond-wave-1-start', detail: `wave 2 ends at ${price(2)}, beyond wave 1's start ${price(0)}` });
  if (w3 < w1 && w3 < w5) failures.push({ rule: 'wave-3-shortest', detail: `wave 3 (${round(w3)}) is shorter than wave 1 (${round(w1)}) and wave 5 (${round(w5)})` });
  const overlap = u4 < u1;
  const diagonal = overlap && (opts.allowDiagonal ?? true) && converging(points, u);
  if (overlap && !diagonal) {
    failures.push({ rule: 'wave-4-in-wave-1-territory', detail: `wave 4 ends at ${price(4)}, inside wave 1 (${price(0)}–${price(1)})${opts.allowDiagonal === false ? '' : ', and the 1–3 and 2–4 lines do not converge'}` });
  }
  if (failures.length > 0) return { ok: false, failures };

  return {
    ok: true,
    pattern: {
      family: 'elliott',
      name: diagonal ? 'diagonal' : 'impulse',
      direction,
      points: points.map((p, i) => ({ label: String(i), ts: p.ts, price: p.price })),
      ratios: {
        wave2Retracement: w2 / w1,
        wave3VsWave1: w3 / w1,
        wave4Retracement: w4 / w3,
        wave5VsWave1: w5 / w1,
        wave5VsWaves1To3: w5 / (u3 - u0),
      },
      // The five waves are one wave of the next degree up: the correction after them may not pass their start.
      invalidation: price(0),
    },
  };
}

/** The 1–3 line's slope (signed price per bar) is below the 2–4 line's: the channel narrows towards wave 5. */
function converging(points: readonly SwingPoint[], u: readonly number[]): boolean {
  const slope = (a: number, b: number) => (u[b]! - u[a]!) / (points[b]!.index - points[a]!.index);
  return slope(1, 3) < slope(2, 4);
}

function fail(rule: ImpulseRule, detail: string): CheckResult<ImpulseRule> {
  return { ok: false, failures: [{ rule, detail }] };
}

function round(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}
