import type { Direction, PatternPoint, SwingPoint } from '../swing-point.js';
import { HARMONIC_RULES, type HarmonicName, type HarmonicRule } from './ratio-table.js';
import { band, DEFAULT_TOLERANCE, fits } from './tolerance.js';

/**
 * Measured ratios, each a leg over another. Signed (a difference over a difference), so a bearish pattern, the
 * mirror image of a bullish one, measures the same, and a leg pointing the wrong way gives a negative ratio.
 */
export interface HarmonicRatios {
  /** (A−B)/(A−X): B's retracement of XA. */
  xab?: number;
  /** (C−B)/(A−B): C's retracement of AB (above 1: beyond A). */
  abc: number;
  /** (C−D)/(C−B): CD as a projection of BC. */
  bcd: number;
  /** (A−D)/(A−X): D against XA (above 1: beyond X). */
  xad?: number;
  /** (C−D)/(C−X): D's retracement of XC (the Cypher's completion). */
  xcd?: number;
  /** (C−D)/(A−B): CD against AB (the AB=CD's completion). */
  cdab?: number;
}

export interface HarmonicMatch {
  family: 'harmonic';
  name: HarmonicName;
  /** Bullish when D is a swing low (a long from the PRZ), bearish when it is a swing high. */
  direction: Direction;
  /** X, A, B, C, D (A, B, C, D for AB=CD). */
  points: PatternPoint[];
  ratios: HarmonicRatios;
  /**
   * Potential reversal zone at D: the prices the completion ratio allows (XAD, XCD or CD=AB, with the tolerance)
   * intersected with the prices the BC projection allows. D lies in it.
   */
  prz: { low: number; high: number };
  /** The PRZ's far edge (its low when bullish, its high when bearish): price beyond it means the pattern failed. */
  invalidation: number;
  /** Index of the bar whose close confirmed D: the match is known from then on. */
  confirmedAt: number;
}

export interface HarmonicOptions {
  /** Relative tolerance on every ratio (see tolerance.ts); default 0.05. */
  tolerance?: number;
}

/**
 * Every harmonic pattern that completes at the last swing: XABCD patterns on the last five swings, AB=CD on the
 * last four. Call it each time a swing is confirmed. Swings that do not alternate high/low match nothing.
 */
export function harmonicsAtLastSwing(swings: readonly SwingPoint[], opts: HarmonicOptions = {}): HarmonicMatch[] {
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  const matches: HarmonicMatch[] = [];
  for (const rule of HARMONIC_RULES) {
    const size = rule.xab === undefined ? 4 : 5;
    if (swings.length < size) continue;
    const legs = swings.slice(-size);
    if (!alternates(legs)) continue;
    const match = matchRule(rule, legs, tolerance);
    if (match !== undefined) matches.push(match);
  }
  return matches;
}

/** Every pattern over a whole swing series, each reported at the swing that completed it. */
export function scanHarmonics(swings: readonly SwingPoint[], opts: HarmonicOptions = {}): HarmonicMatch[] {
  const matches: HarmonicMatch[] = [];
  for (let end = 4; end <= swings.length; end++) {
    matches.push(...harmonicsAtLastSwing(swings.slice(Math.max(0, end - 5), end), opts));
  }
  return matches;
}

function alternates(swings: readonly SwingPoint[]): boolean {
  return swings.every((s, i) => i === 0 || s.kind !== swings[i - 1]!.kind);
}

function matchRule(rule: HarmonicRule, swings: readonly SwingPoint[], tolerance: number): HarmonicMatch | undefined {
  const hasX = swings.length === 5;
  const [x, a, b, c, d] = hasX ? swings.map((s) => s.price) : [Number.NaN, ...swings.map((s) => s.price)];
  if (a === undefined || b === undefined || c === undefined || d === undefined || x === undefined) return undefined;
  const abc = (c - b) / (a - b);
  const bcd = (c - d) / (c - b);
  const ratios: HarmonicRatios = hasX
    ? { xab: (a - b) / (a - x), abc, bcd, xad: (a - d) / (a - x), xcd: (c - d) / (c - x) }
    : { abc, bcd, cdab: (c - d) / (a - b) };
  const completion = ratios[rule.completion];
  if (completion === undefined) return undefined;
  if (rule.xab !== undefined && !fits(ratios.xab ?? Number.NaN, rule.xab, tolerance)) return undefined;
  if (!fits(abc, rule.abc, tolerance) || !fits(bcd, rule.bcd, tolerance) || !fits(completion, rule.d, tolerance)) {
    return undefined;
  }
  // D = from − r·leg for each ratio r of a band: the completion's prices, then the BC projection's.
  const leg = { xad: [a, a - x], xcd: [c, c - x], cdab: [c, a - b] }[rule.completion] as [number, number];
  const prz = intersect(prices(leg[0], leg[1], band(rule.d, tolerance)), prices(c, c - b, band(rule.bcd, tolerance)));
  const last = swings[swings.length - 1]!;
  const direction: Direction = last.kind === 'low' ? 'bullish' : 'bearish';
  const labels = hasX ? ['X', 'A', 'B', 'C', 'D'] : ['A', 'B', 'C', 'D'];
  return {
    family: 'harmonic',
    name: rule.name,
    direction,
    points: swings.map((s, i) => ({ label: labels[i]!, ts: s.ts, price: s.price })),
    ratios,
    prz,
    invalidation: direction === 'bullish' ? prz.low : prz.high,
    confirmedAt: last.confirmedAt,
  };
}

function prices(from: number, leg: number, [min, max]: readonly [number, number]): { low: number; high: number } {
  const p = [from - min * leg, from - max * leg];
  return { low: Math.min(...p), high: Math.max(...p) };
}

function intersect(p: { low: number; high: number }, q: { low: number; high: number }): { low: number; high: number } {
  return { low: Math.max(p.low, q.low), high: Math.min(p.high, q.high) };
}
