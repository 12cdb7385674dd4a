import { InputError } from '../../runtime/errors.js';
import { lpProfitRate, lpProfitTerms, type LpModelInputs, type LpProfitTerms } from './lp-profit-rate.js';

const GRID = 48;
const REFINE = 32;
const PHI = (Math.sqrt(5) - 1) / 2;

/**
 * The continuous fee in [minFee, maxFee] that maximises the LP profit rate π(f) (lp-profit-rate.ts): a grid in log f,
 * then golden-section search between the best point's neighbours. π can have two maxima (an interior one near
 * f_ref/ε and the top of the range when arbitrage outweighs uninformed income), hence the grid first.
 * O(GRID + REFINE) evaluations, independent of the number of swaps.
 */
export function modelFee(m: LpModelInputs, minFee: number, maxFee: number): LpProfitTerms {
  if (!(minFee > 0) || !(maxFee >= minFee) || !(maxFee < 1)) throw new InputError(`fee range [${minFee}, ${maxFee}]: needs 0 < min ≤ max < 1`);
  if (minFee === maxFee) return lpProfitTerms(minFee, m);
  const lo = Math.log(minFee);
  const step = (Math.log(maxFee) - lo) / (GRID - 1);
  const gridFee = (i: number) => (i === 0 ? minFee : i === GRID - 1 ? maxFee : Math.exp(lo + i * step));
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < GRID; i++) {
    const v = lpProfitRate(gridFee(i), m);
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  let a = lo + Math.max(0, best - 1) * step;
  let b = lo + Math.min(GRID - 1, best + 1) * step;
  let c = b - PHI * (b - a);
  let d = a + PHI * (b - a);
  let fc = lpProfitRate(Math.exp(c), m);
  let fd = lpProfitRate(Math.exp(d), m);
  for (let k = 0; k < REFINE; k++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - PHI * (b - a);
      fc = lpProfitRate(Math.exp(c), m);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + PHI * (b - a);
      fd = lpProfitRate(Math.exp(d), m);
    }
  }
  const refined = lpProfitTerms(Math.exp((a + b) / 2), m);
  const gridBest = lpProfitTerms(gridFee(best), m);
  return refined.profitPerSecUsd > gridBest.profitPerSecUsd ? refined : gridBest;
}

/** The fee tier with the highest π(f), and every tier's terms (for showing side by side). */
export function bestTier(m: LpModelInputs, tiers: readonly number[]): { best: LpProfitTerms; tiers: LpProfitTerms[] } {
  if (tiers.length === 0) throw new InputError('fee tiers: need at least one');
  const all = tiers.map((f) => lpProfitTerms(f, m));
  const best = all.reduce((a, b) => (b.profitPerSecUsd > a.profitPerSecUsd ? b : a));
  return { best, tiers: all };
}
