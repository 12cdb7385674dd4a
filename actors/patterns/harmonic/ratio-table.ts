/** A ratio a pattern requires: one Fibonacci value, or a range [min, max]. */
export type RatioRule = number | readonly [min: number, max: number];

/** The ratio that fixes where D completes, the leg it is measured on. */
export type CompletionLeg = 'xad' | 'xcd' | 'cdab';

export const HARMONIC_NAMES = [
  'gartley',
  'bat',
  'alternate-bat',
  'butterfly',
  'crab',
  'deep-crab',
  'shark',
  'cypher',
  'ab=cd',
] as const;
export type HarmonicName = (typeof HARMONIC_NAMES)[number];

export interface HarmonicRule {
  name: HarmonicName;
  /** B as a retracement of XA (absent for AB=CD, which has no X). */
  xab?: RatioRule;
  /** C as a retracement (or, above 1, extension) of AB. */
  abc: RatioRule;
  /** CD as a projection of BC. */
  bcd: RatioRule;
  /** Where D completes: XAD (D against XA), XCD (D as a retracement of XC) or CD/AB (the AB=CD leg equality). */
  completion: CompletionLeg;
  d: RatioRule;
}

/**
 * Fibonacci ratio table. Gartley, Bat, Alternate Bat, Butterfly, Crab, Deep Crab and AB=CD: Scott Carney,
 * "Harmonic Trading" vol. 1 (2004) and vol. 2 (2007). Shark: Carney vol. 2. Cypher: Darren Oglesbee's definition
 * as commonly published. Where Carney gives one value for D and an alternate, the one value is used so the
 * patterns stay distinct (Butterfly 1.27, not 1.27–1.618, which would overlap the Crab).
 *
 * Point mapping: Shark is published on O, X, A, B, C; here O→X, X→A, A→B, B→C, C→D, so its "B at 1.13–1.618 of
 * XA" is our ABC, "C at 1.618–2.24 of AB" our BCD, and "C at 0.886–1.13 of OX" our XAD. Carney sets no bound on
 * its first retracement (our XAB) beyond being one: (0, 1). Cypher's C is an extension beyond A (ABC 1.13–1.414)
 * and its D a 0.786 retracement of XC, so its completion is XCD. The Alternate Bat's B is "0.382 or less": (0, 0.382].
 */
export const HARMONIC_RULES: readonly HarmonicRule[] = [
  { name: 'gartley', xab: 0.618, abc: [0.382, 0.886], bcd: [1.13, 1.618], completion: 'xad', d: 0.786 },
  { name: 'bat', xab: [0.382, 0.5], abc: [0.382, 0.886], bcd: [1.618, 2.618], completion: 'xad', d: 0.886 },
  { name: 'alternate-bat', xab: [0, 0.382], abc: [0.382, 0.886], bcd: [2.0, 3.618], completion: 'xad', d: 1.13 },
  { name: 'butterfly', xab: 0.786, abc: [0.382, 0.886], bcd: [1.618, 2.24], completion: 'xad', d: 1.27 },
  { name: 'crab', xab: [0.382, 0.618], abc: [0.382, 0.886], bcd: [2.24, 3.618], completion: 'xad', d: 1.618 },
  { name: 'deep-crab', xab: 0.886, abc: [0.382, 0.886], bcd: [2.0, 3.618], completion: 'xad', d: 1.618 },
  { name: 'shark', xab: [0, 1], abc: [1.13, 1.618], bcd: [1.618, 2.24], completion: 'xad', d: [0.886, 1.13] },
  { name: 'cypher', xab: [0.382, 0.618], abc: [1.13, 1.414], bcd: [1.272, 2.0], completion: 'xcd', d: 0.786 },
  { name: 'ab=cd', abc: [0.382, 0.886], bcd: [1.13, 2.618], completion: 'cdab', d: 1.0 },
];
