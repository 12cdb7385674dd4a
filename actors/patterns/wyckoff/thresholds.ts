import { InputError } from '../../runtime/errors.js';

/**
 * Every threshold the Wyckoff detector uses. The events and phases follow Pruden, "The Three Skills of Top
 * Trading" (2007), ch. on the Wyckoff method, and Wyckoff Analytics' accumulation / distribution schematics;
 * neither gives numbers, so the numbers below are ours, stated once here and in docs/patterns.md.
 */
export interface WyckoffParams {
  /** N: bars in the trailing volume and range averages (the bar itself excluded). */
  averageBars: number;
  /** k: a climax bar's volume is at least k × its N-bar average volume. */
  climaxVolumeMultiple: number;
  /** A climax bar is wide: high − low at least this × the N-bar average range. */
  wideRangeMultiple: number;
  /** PS / PSY: a bar within `preliminaryLookbackBars` before the climax with volume ≥ this × its average. */
  preliminaryVolumeMultiple: number;
  preliminaryLookbackBars: number;
  /** The AR is confirmed once a close gives back this fraction of the rally off the climax. */
  arConfirmRetrace: number;
  /** An ST's extreme lies within this fraction of the range height from the climax end of the range. */
  stZoneFraction: number;
  /** ST, Spring and UTAD bars trade on volume below this × the climax bar's volume (1: strictly lower). */
  testVolumeFraction: number;
  /** A Spring / UTAD closes back inside the range at most this many bars after the bar that broke out. */
  springMaxBarsToReclaim: number;
  /** SOS / SOW: a close beyond the range on volume ≥ this × the N-bar average volume. */
  sosVolumeMultiple: number;
  /** LPS / LPSY: the pullback after the SOS holds within this fraction of the range height from its far edge. */
  lpsMaxRetraceFraction: number;
  /** LPS / LPSY volume is below this × the SOS bar's volume. */
  lpsVolumeFraction: number;
}

export const DEFAULT_WYCKOFF_PARAMS: Readonly<WyckoffParams> = Object.freeze({
  averageBars: 20,
  climaxVolumeMultiple: 2,
  wideRangeMultiple: 1.5,
  preliminaryVolumeMultiple: 1.5,
  preliminaryLookbackBars: 10,
  arConfirmRetrace: 0.25,
  stZoneFraction: 0.25,
  testVolumeFraction: 1,
  springMaxBarsToReclaim: 3,
  sosVolumeMultiple: 1.5,
  lpsMaxRetraceFraction: 0.5,
  lpsVolumeFraction: 1,
});

const WHOLE_BARS: readonly (keyof WyckoffParams)[] = ['averageBars', 'preliminaryLookbackBars', 'springMaxBarsToReclaim'];

/** Defaults overlaid with `overrides`; a non-positive or non-finite value (or a fractional bar count) is an InputError naming the field. */
export function wyckoffParams(overrides: Partial<WyckoffParams> = {}): WyckoffParams {
  const params: WyckoffParams = { ...DEFAULT_WYCKOFF_PARAMS, ...overrides };
  const issues: string[] = [];
  for (const [key, value] of Object.entries(params) as [keyof WyckoffParams, number][]) {
    if (!Number.isFinite(value) || value < 0 || (value === 0 && key !== 'springMaxBarsToReclaim')) {
      issues.push(`wyckoff.${key}: ${value} must be a positive number`);
    } else if (WHOLE_BARS.includes(key) && !Number.isInteger(value)) {
      issues.push(`wyckoff.${key}: ${value} must be a whole number of bars`);
    }
  }
  if (issues.length > 0) throw new InputError('bad Wyckoff parameters', issues);
  return params;
}
