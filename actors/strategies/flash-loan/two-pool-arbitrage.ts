import { isqrt } from '../../amm/isqrt.js';
import { getAmountIn, getAmountOut, FEE_DENOMINATOR as D, FEE_NUMERATOR as G } from './v2-math.js';

/**
 * Reserves of two pools trading the same two tokens, oriented so that `base` is the token the
 * profit is counted in and `quote` is the token borrowed. buy = the pool where quote is cheap.
 */
export interface OrientedReserves {
  buyBase: bigint;
  buyQuote: bigint;
  sellBase: bigint;
  sellQuote: bigint;
}

/**
 * One flash-swap cycle: borrow `borrow` quote from the buy pool, sell it in the sell pool for
 * `amountOut` base, repay the buy pool `amountIn` base. profit = amountOut - amountIn (before gas).
 */
export interface CycleQuote {
  borrow: bigint;
  amountIn: bigint;
  amountOut: bigint;
  profit: bigint;
}

/** Exact integer result of borrowing `borrow` quote: what the deployed pairs would compute. */
export function quoteCycle(r: OrientedReserves, borrow: bigint): CycleQuote | undefined {
  const amountIn = getAmountIn(borrow, r.buyBase, r.buyQuote);
  if (amountIn === undefined) return undefined;
  const amountOut = getAmountOut(borrow, r.sellQuote, r.sellBase);
  return { borrow, amountIn, amountOut, profit: amountOut - amountIn };
}

/**
 * The profit-maximising borrow, or undefined when no size is profitable.
 *
 * Without rounding, base-in x gives base-out z = a·x / (b + c·x) with
 *   a = G²·buyQuote·sellBase, b = D²·buyBase·sellQuote, c = G·(D·sellQuote + G·buyQuote),
 * a concave curve: z − x is positive somewhere iff a > b and peaks at x* = (√(ab) − b)/c, i.e. at the
 * borrow y* = G·x*·buyQuote / (D·buyBase + G·x*) = G·n·buyQuote / (D·buyBase·c + G·n), n = √(ab) − b.
 * Flooring √(ab) moves y* by at most G·buyQuote/(D·buyBase·c) < 1/(1000·buyBase) units (c > G²·buyQuote),
 * so ⌊y*⌋ computed this way is off by at most one. Profit as a function of the borrow, g(y), is concave, so the
 * best integer borrow for g is ⌊y*⌋ or ⌈y*⌉; the rounded profit the pairs pay, f(y), is within
 * 2 raw units below g(y) (one floor in getAmountOut, one floor+1 in getAmountIn). So the best of
 * these candidates is within 2 raw units of the true integer optimum; we then climb while a
 * neighbour pays more, so the result is also a local maximum of f.
 */
export function optimalCycle(r: OrientedReserves): CycleQuote | undefined {
  const a = G * G * r.buyQuote * r.sellBase;
  const b = D * D * r.buyBase * r.sellQuote;
  if (a <= b) return undefined;
  const c = G * (D * r.sellQuote + G * r.buyQuote);
  const n = isqrt(a * b) - b;
  if (n <= 0n) return undefined;
  // y ≤ y* < y + 2: the integer optimum of g is y, y + 1 or y + 2.
  const y = (G * n * r.buyQuote) / (D * r.buyBase * c + G * n);
  let best: CycleQuote | undefined;
  for (let d = 0n; d <= 2n; d += 1n) {
    const q = y + d > 0n ? quoteCycle(r, y + d) : undefined;
    if (q !== undefined && (best === undefined || q.profit > best.profit)) best = q;
  }
  if (best === undefined) return undefined;
  let top: CycleQuote = best;
  const step = top.borrow === y ? -1n : top.borrow === y + 2n ? 1n : 0n;
  for (let i = 0; step !== 0n && i < 64; i++) {
    const next: CycleQuote | undefined = top.borrow + step > 0n ? quoteCycle(r, top.borrow + step) : undefined;
    if (next === undefined || next.profit <= top.profit) break;
    top = next;
  }
  return top.profit > 0n ? top : undefined;
}

/**
 * The best cycle borrowing at most `maxBorrow` (risk approved less than the optimum). g(y) is concave,
 * so below the unconstrained optimum the best capped borrow is at the cap; the rounded profit f may
 * pay a little more one or two units lower, so those are compared too. undefined when nothing pays.
 */
export function optimalCycleCapped(r: OrientedReserves, maxBorrow: bigint): CycleQuote | undefined {
  const free = optimalCycle(r);
  if (free === undefined || free.borrow <= maxBorrow) return free;
  let best: CycleQuote | undefined;
  for (let d = 0n; d <= 2n; d += 1n) {
    const q = maxBorrow - d > 0n ? quoteCycle(r, maxBorrow - d) : undefined;
    if (q !== undefined && (best === undefined || q.profit > best.profit)) best = q;
  }
  return best !== undefined && best.profit > 0n ? best : undefined;
}
