import type { BookLevel } from '../../market-data/types.js';
import type { MarketRules } from './snapshot.js';
import { floorToStep as floorTo } from '../../market-data/precision.js';

/** One leg of a cycle with the depth it would trade against. */
export interface SizingLeg {
  symbol: string;
  buy: boolean;
  /** asks when buying, bids when selling; best first. */
  levels: readonly BookLevel[];
  rules?: MarketRules;
}

export interface LegFill {
  symbol: string;
  side: 'buy' | 'sell';
  /** Base amount, rounded down to the market's step size. */
  amount: number;
  /** Worst price reached: the limit for an IOC order. */
  limitPrice: number;
  /** Quote value traded. */
  notional: number;
}

export interface CycleSize {
  /** Largest start amount for which the last unit still earns more than it costs, after fees (before rounding). */
  maxSize: number;
  /** Start amount actually used once every leg is rounded to its step size. */
  used: number;
  /** End amount minus start amount, in the start currency, after fees and rounding. */
  profit: number;
  legs: LegFill[];
  /** true: depth, precision and minimums allow it; false: they do not; null: no market rules to check against. */
  executable: boolean | null;
  reasons: string[];
}


/**
 * Each leg's input is piecewise linear in the start amount S, with one piece per combination of
 * current levels. Walk those pieces in order of S: within one, the marginal return (product of the
 * legs' current rates after fees) is constant; stop when it drops to 1 or any leg runs out of depth.
 */
function profitableSize(legs: readonly SizingLeg[], keep: number): number {
  const n = legs.length;
  const level = new Array<number>(n).fill(0);
  const consumed = new Array<number>(n).fill(0);
  const slope = new Array<number>(n).fill(0);
  const cap = (i: number): number => {
    const l = legs[i]!.levels[level[i]!]!;
    return legs[i]!.buy ? l[0] * l[1] : l[1];
  };
  let s = 0;
  for (;;) {
    let d = 1;
    for (let i = 0; i < n; i++) {
      const l = legs[i]!.levels[level[i]!];
      if (!l) return s;
      slope[i] = d;
      d *= keep * (legs[i]!.buy ? 1 / l[0] : l[0]);
    }
    if (!(d > 1)) return s;
    let step = Infinity;
    let which = 0;
    for (let i = 0; i < n; i++) {
      const room = (cap(i) - consumed[i]!) / slope[i]!;
      if (room < step) {
        step = room;
        which = i;
      }
    }
    s += step;
    for (let i = 0; i < n; i++) {
      const c = cap(i);
      consumed[i]! += slope[i]! * step;
      if (i === which || c - consumed[i]! <= c * 1e-12) {
        level[i]! += 1;
        consumed[i] = 0;
      }
    }
  }
}

/** Output of one leg for input x, walking the depth; base amounts optionally rounded to the step size. */
function walk(leg: SizingLeg, x: number, keep: number, round: boolean): { out: number; base: number; notional: number; worst: number; used: number } {
  let base = 0;
  let notional = 0;
  let worst = leg.levels[0]?.[0] ?? 0;
  const step = round ? (leg.rules?.stepSize ?? 0) : 0;
  if (!leg.buy) {
    base = round ? floorTo(x, step) : x;
    let left = base;
    for (const [price, qty] of leg.levels) {
      if (left <= 0) break;
      const take = Math.min(left, qty);
      notional += take * price;
      worst = price;
      left -= take;
    }
    base -= Math.max(left, 0);
    return { out: notional * keep, base, notional, worst, used: base };
  }
  let budget = x;
  for (const [price, qty] of leg.levels) {
    if (budget <= 0) break;
    const take = Math.min(qty, budget / price);
    base += take;
    notional += take * price;
    budget -= take * price;
    worst = price;
  }
  if (round && step > 0) {
    const rounded = floorTo(base, step);
    // Re-walk for the rounded amount so the notional matches what is actually bought.
    let left = rounded;
    notional = 0;
    for (const [price, qty] of leg.levels) {
      if (left <= 1e-15) break;
      const take = Math.min(left, qty);
      notional += take * price;
      worst = price;
      left -= take;
    }
    base = rounded;
  }
  return { out: base * keep, base, notional, worst, used: notional };
}

/**
 * Sizes a cycle on the depth of each leg: the largest start amount whose marginal unit is still
 * profitable after taker fees (at most `cap`), then rounds every leg to its step size and checks LOT_SIZE and MIN_NOTIONAL.
 */
export function sizeCycle(legs: readonly SizingLeg[], feeRate: number, cap = Infinity): CycleSize {
  const keep = 1 - feeRate;
  const maxSize = Math.min(profitableSize(legs, keep), cap);

  const fills: LegFill[] = [];
  const reasons: string[] = [];
  let x = maxSize;
  let used = 0;
  for (const [i, leg] of legs.entries()) {
    const w = walk(leg, x, keep, true);
    if (i === 0) used = w.used;
    fills.push({ symbol: leg.symbol, side: leg.buy ? 'buy' : 'sell', amount: w.base, limitPrice: w.worst, notional: w.notional });
    if (leg.rules) {
      if (w.base < leg.rules.minQty || w.base <= 0) reasons.push(`${leg.symbol}: amount ${w.base} below LOT_SIZE minQty ${leg.rules.minQty}`);
      if (w.notional < leg.rules.minNotional) reasons.push(`${leg.symbol}: notional ${w.notional} below MIN_NOTIONAL ${leg.rules.minNotional}`);
    }
    x = w.out;
  }
  const profit = x - used;
  if (maxSize <= 0) reasons.push('no depth is profitable after fees');
  else if (!(profit > 0)) reasons.push(`rounding to step sizes leaves no profit (${profit})`);
  const known = legs.every((l) => l.rules !== undefined);
  const executable = reasons.length > 0 ? false : known ? true : null;
  if (!known && reasons.length === 0) reasons.push('no exchangeInfo: precision and minimums not checked');
  return { maxSize, used, profit, legs: fills, executable, reasons };
}
