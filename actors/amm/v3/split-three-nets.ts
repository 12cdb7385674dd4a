import { MAX_UINT128 } from '../full-math.js';
import type { PoolEvent } from './pool-events.js';
import { candidateSwaps, matchesEvent, type SwapAttempt, type SwapKind } from './replay-swap.js';
import type { SwapParams, SwapResult, V3Pool } from './v3-pool.js';

/** Three crossed ticks whose nets add to `sum`: x at a, y at b, sum − x − y at c. */
export interface NetTriple {
  a: number;
  b: number;
  c: number;
  sum: bigint;
}

/** A swap already reproduced over the same three ticks: a copy of the pool before it (without the triple's nets) and how. */
export interface KeptSwap {
  pool: V3Pool;
  event: PoolEvent;
  kind: SwapKind;
  params: SwapParams;
  /** Which of its observables is the coarse one, when a search told. */
  coarseIndex?: 0 | 1;
}

export interface TripleSplit {
  x: bigint;
  y: bigint;
  match: SwapAttempt;
  /** The x (net at a), first and last, over which the swap's coarse observable is about the recorded one. */
  band: [bigint, bigint];
  /** Which of the kind's two observables (observables()) was the coarse one. */
  coarseIndex: 0 | 1;
}

/**
 * How the band is searched: up to SAMPLES points spread over it (its start first, then halves, quarters, …); where
 * the coarse observables are already exact, LOCAL consecutive x from there. Along the curve the fine observables'
 * rounding comes back about every 190 x (0.05% pool), the coarse ones' every ~10^7 x.
 */
const SAMPLES = 256;
const LOCAL = 400n;

type Observable = (r: SwapResult) => bigint;

/**
 * Finds nets for three ticks (x at a, y at b, sum − x − y at c, on top of what the pool has there) that reproduce the
 * swap exactly, and every `kept` swap over the same ticks. Two observables of the swap (end price and the amount not
 * given, or both amounts when price-limited) pin the liquidity of the two ranges between a, b and c: one finely
 * (every unit of liquidity moves it), the other coarsely (a band of ~4·10^10 splits gives it on the 0.05% pool).
 * A nested bisection: for each x, y is bisected on the fine observable; x is bisected along that curve on the coarse
 * one, which gives the swap's band of x (give or take 1 at its edges: how its two steps round flips every ~10^7 x).
 * Points spread over the band, within `within`, where the coarse observables (this swap's and the kept swaps') are
 * exact each start a run of LOCAL consecutive x, checked exactly against this swap and every kept one (y and its
 * neighbours). Tries each candidate kind and each of its observables as the fine one. Leaves the pools as they were.
 */
export function splitThreeNets(
  pool: V3Pool,
  e: PoolEvent,
  crossed: readonly number[],
  t: NetTriple,
  kept: readonly KeptSwap[] = [],
  within: [bigint, bigint] = [-MAX_UINT128 * 2n, MAX_UINT128 * 2n]
): TripleSplit | undefined {
  const ranges = rangeTerms(pool, e, crossed, t);
  let xlo = -MAX_UINT128 * 2n;
  let xhi = MAX_UINT128 * 2n;
  for (const r of ranges)
    if (r.q === 0n) {
      const [l, h] = r.p > 0n ? [-r.c0, MAX_UINT128 - r.c0] : [r.c0 - MAX_UINT128, r.c0];
      if (l > xlo) xlo = l;
      if (h < xhi) xhi = h;
    }
  if (xlo > xhi) return undefined;
  const yBounds = (x: bigint): [bigint, bigint] => {
    let lo = -MAX_UINT128 * 2n;
    let hi = MAX_UINT128 * 2n;
    for (const r of ranges) {
      if (r.q === 0n) continue;
      const base = r.c0 + r.p * x;
      const [l, h] = r.q > 0n ? [-base, MAX_UINT128 - base] : [base - MAX_UINT128, base];
      if (l > lo) lo = l;
      if (h < hi) hi = h;
    }
    return [lo, hi];
  };
  const quoteOn = (p: V3Pool, params: SwapParams, x: bigint, y: bigint): SwapResult | undefined => {
    const nets: [number, bigint][] = [
      [t.a, x],
      [t.b, y],
      [t.c, t.sum - x - y],
    ];
    for (const [tick, n] of nets) p.ticks.get(tick)!.liquidityNet += n;
    try {
      return p.quoteSwap(params);
    } catch {
      return undefined;
    } finally {
      for (const [tick, n] of nets) p.ticks.get(tick)!.liquidityNet -= n;
    }
  };
  const keptMatch = (x: bigint, y: bigint) =>
    kept.every((k) => {
      const r = quoteOn(k.pool, k.params, x, y);
      return r !== undefined && matchesEvent(r, k.event);
    });
  for (const { kind, params } of candidateSwaps(e)) {
    const obs = observables(kind, params);
    for (const order of [0, 1] as const) {
      const found = nested(kind, params, obs[order], obs[1 - order]!, (1 - order) as 0 | 1);
      if (found) return found;
    }
  }
  return undefined;

  function nested(kind: SwapKind, params: SwapParams, fine: Observable, coarse: Observable, coarseIndex: 0 | 1): TripleSplit | undefined {
    const fineTarget = fine(recorded(e));
    // The direction of the fine observable in y, taken once at the middle x.
    const xm = xlo + (xhi - xlo) / 2n;
    const [ml, mh] = yBounds(xm);
    if (ml > mh) return undefined;
    const vl = quoteOn(pool, params, xm, ml);
    const vh = quoteOn(pool, params, xm, mh);
    if (!vl || !vh) return undefined;
    const yUp = fine(vh) >= fine(vl);
    const reachesY = (x: bigint, y: bigint): boolean => {
      const r = quoteOn(pool, params, x, y);
      if (!r) return false;
      return yUp ? fine(r) >= fineTarget : fine(r) <= fineTarget;
    };
    // The smallest y (within its bounds) whose fine observable reaches the target, warm-started from the line
    // through the last two solutions.
    const solved: [bigint, bigint][] = [];
    const solveY = (x: bigint): bigint | undefined => {
      const [lo, hi] = yBounds(x);
      if (lo > hi) return undefined;
      let l = lo;
      let h = hi;
      if (solved.length === 2) {
        const [[x1, y1], [x2, y2]] = solved as [[bigint, bigint], [bigint, bigint]];
        let guess = x2 === x1 ? y2 : y1 + ((y2 - y1) * (x - x1)) / (x2 - x1);
        if (guess < lo) guess = lo;
        if (guess > hi) guess = hi;
        if (reachesY(x, guess)) {
          h = guess;
          for (let step = 1n; guess - step > lo; step *= 2n) {
            if (!reachesY(x, guess - step)) {
              l = guess - step + 1n;
              break;
            }
            h = guess - step;
          }
        } else {
          l = guess + 1n;
          for (let step = 1n; guess + step < hi; step *= 2n) {
            if (reachesY(x, guess + step)) {
              h = guess + step;
              break;
            }
            l = guess + step + 1n;
          }
        }
      }
      while (l < h) {
        const m = l + (h - l) / 2n;
        if (reachesY(x, m)) h = m;
        else l = m + 1n;
      }
      solved.push([x, l]);
      if (solved.length > 2) solved.shift();
      return l;
    };
    const coarseAt = (x: bigint): bigint | undefined => {
      const y = solveY(x);
      return y === undefined ? undefined : map(quoteOn(pool, params, x, y), coarse);
    };
    const target = coarse(recorded(e));
    const cl = coarseAt(xlo);
    const ch = coarseAt(xhi);
    if (cl === undefined || ch === undefined) return undefined;
    const xUp = ch >= cl;
    if (xUp ? target < cl || target > ch : target > cl || target < ch) return undefined;
    // The first x whose coarse observable reaches the target (strict: passes it), galloping out from `hint`.
    const first = (strict: boolean, hint?: bigint): bigint => {
      const past = (x: bigint) => {
        const v = coarseAt(x);
        return v !== undefined && (xUp ? (strict ? v > target : v >= target) : strict ? v < target : v <= target);
      };
      let l = xlo;
      let h = xhi;
      if (hint !== undefined && hint > xlo && hint < xhi) {
        const down = past(hint);
        if (down) h = hint;
        else l = hint + 1n;
        for (let step = 1n; ; step *= 2n) {
          const x = down ? hint - step : hint + step;
          if (x <= xlo || x >= xhi) break;
          if (past(x) !== down) {
            if (down) l = x + 1n;
            else h = x;
            break;
          }
          if (down) h = x;
          else l = x + 1n;
        }
      }
      while (l < h) {
        const m = l + (h - l) / 2n;
        if (past(m)) h = m;
        else l = m + 1n;
      }
      return l;
    };
    const start = first(false, kept.length > 0 ? within[0] : undefined);
    const band: [bigint, bigint] = [start, first(true, start) - 1n];
    const from = band[0] > within[0] ? band[0] : within[0];
    const to = band[1] < within[1] ? band[1] : within[1];
    const keptCoarse = kept.filter((k) => k.coarseIndex !== undefined);
    const coarseExact = (x: bigint, y: bigint): boolean => {
      const r = quoteOn(pool, params, x, y);
      if (!r || coarse(r) !== target) return false;
      return keptCoarse.every((k) => {
        const o = observables(k.kind, k.params)[k.coarseIndex!];
        return map(quoteOn(k.pool, k.params, x, y), o) === o(recorded(k.event));
      });
    };
    for (const x0 of spread(from, to, SAMPLES)) {
      const y0 = solveY(x0);
      if (y0 === undefined || !coarseExact(x0, y0)) continue;
      for (let x = x0; x <= to && x < x0 + LOCAL; x++) {
        const y = solveY(x);
        if (y === undefined) continue;
        for (const yy of [y, y - 1n, y + 1n]) {
          const result = quoteOn(pool, params, x, yy);
          if (result && matchesEvent(result, e) && keptMatch(x, yy)) return { x, y: yy, match: { kind, params, result }, band, coarseIndex };
        }
      }
    }
    return undefined;
  }
}

/** Up to n points of [from, to]: from, then the midpoints of ever finer halvings. */
function* spread(from: bigint, to: bigint, n: number): Generator<bigint> {
  if (to < from) return;
  yield from;
  let count = 1;
  for (let level = 1n; count < n && 1n << (level - 1n) <= to - from; level++)
    for (let j = 1n; j < 1n << level && count < n; j += 2n, count++) yield from + ((to - from) * j) / (1n << level);
}

/** The active liquidity after each crossing that the triple's nets change, as c0 + p·x + q·y. */
function rangeTerms(pool: V3Pool, e: PoolEvent, crossed: readonly number[], t: NetTriple): { c0: bigint; p: bigint; q: bigint }[] {
  const sign = e.tick < pool.tick ? -1n : 1n;
  const ranges: { c0: bigint; p: bigint; q: bigint }[] = [];
  let c0 = pool.liquidity;
  let p = 0n;
  let q = 0n;
  for (const tick of crossed) {
    const net = pool.ticks.isInitialized(tick) ? pool.ticks.get(tick)?.liquidityNet ?? 0n : 0n;
    c0 += sign * (net + (tick === t.c ? t.sum : 0n));
    p += sign * ((tick === t.a ? 1n : 0n) - (tick === t.c ? 1n : 0n));
    q += sign * ((tick === t.b ? 1n : 0n) - (tick === t.c ? 1n : 0n));
    if (p !== 0n || q !== 0n) ranges.push({ c0, p, q });
  }
  return ranges;
}

const map = (r: SwapResult | undefined, o: Observable) => (r ? o(r) : undefined);

const recorded = (e: PoolEvent): SwapResult => ({
  amount0: e.amount0,
  amount1: e.amount1,
  sqrtPriceX96: e.sqrtPriceX96,
  tick: e.tick,
  liquidity: e.liquidity,
  crossings: [],
  feeGrowthGlobalX128: 0n,
  protocolFee: 0n,
  steps: 0,
});

/** The two numbers a swap of this kind leaves free: the price unless it is the limit, and the amounts not given. */
function observables(kind: SwapKind, params: SwapParams): [Observable, Observable] {
  const amountIn: Observable = (r) => (params.zeroForOne ? r.amount0 : r.amount1);
  const amountOut: Observable = (r) => (params.zeroForOne ? r.amount1 : r.amount0);
  const price: Observable = (r) => r.sqrtPriceX96;
  if (kind === 'exactIn') return [price, amountOut];
  if (kind === 'exactOut') return [price, amountIn];
  return [amountIn, amountOut];
}
