import { InputError } from '../../runtime/errors.js';
import { rangeAmounts, rangeValue } from './range-amounts.js';

/**
 * Impermanent loss of a full-range constant-product position when the price moves by the ratio r = p1/p0:
 * IL(r) = 2√r/(1+r) − 1, the LP position's value over the value of holding the initial amounts, minus one.
 * Always ≤ 0; IL(1) = 0, IL(2) ≈ −5.719 %, IL(4) = −20 %, IL(r) = IL(1/r).
 */
export function impermanentLoss(ratio: number): number {
  if (!(ratio > 0) || !Number.isFinite(ratio)) throw new InputError(`impermanent loss: price ratio ${ratio} must be a finite number > 0`);
  return (2 * Math.sqrt(ratio)) / (1 + ratio) - 1;
}

export interface RangeMove {
  /** Price when the position was opened (numeraire per risky asset). */
  p0: number;
  /** Price now. */
  p1: number;
  /** The range's lower and upper price; 0 and Infinity for full range. */
  lower: number;
  upper: number;
}

/**
 * Impermanent loss of a concentrated position on [lower, upper] for a move p0 → p1, inside or outside the range:
 * value of the position at p1 over the value at p1 of the amounts it held at p0, minus one. Liquidity cancels.
 * Same sign and meaning as `impermanentLoss`, to which it tends as the range widens.
 */
export function rangeImpermanentLoss(move: RangeMove): number {
  const { p0, p1, lower, upper } = move;
  const bad: string[] = [];
  if (!(p0 > 0) || !Number.isFinite(p0)) bad.push(`p0 ${p0}: must be a finite price > 0`);
  if (!(p1 > 0) || !Number.isFinite(p1)) bad.push(`p1 ${p1}: must be a finite price > 0`);
  if (!(lower >= 0) || !(upper > lower)) bad.push(`range [${lower}, ${upper}]: needs 0 ≤ lower < upper`);
  if (bad.length > 0) throw new InputError('concentrated impermanent loss: bad input', bad);
  const held = rangeAmounts(1, p0, lower, upper);
  const hold = held.x * p1 + held.y;
  return rangeValue(1, p1, lower, upper) / hold - 1;
}
