import { InputError } from '../../runtime/errors.js';
import { median } from './stats.js';

export const MS_PER_YEAR = 365 * 24 * 60 * 60 * 1000;

/** Periods per year from the typical spacing of timestamps (median step, so gaps don't skew it). Crypto trades 365 days a year. */
export function inferPeriodsPerYear(timestamps: readonly number[]): number {
  if (timestamps.length < 2) throw new InputError('cannot infer periods per year from fewer than two timestamps');
  const steps: number[] = [];
  for (let i = 1; i < timestamps.length; i++) steps.push(timestamps[i]! - timestamps[i - 1]!);
  const step = median(steps);
  if (!(step > 0)) throw new InputError(`cannot infer periods per year: median time step is ${step} ms`);
  return MS_PER_YEAR / step;
}
