import { MAX_UINT128 } from '../full-math.js';
import type { PoolEvent } from './pool-events.js';
import { candidateSwaps, inferSwapAndZeroNetTicks, type SwapAttempt, type SwapKind } from './replay-swap.js';
import type { SwapParams, V3Pool } from './v3-pool.js';

export interface TickNetSplit {
  /** The liquidityNet added at each unknown tick (on top of what the pool had there). */
  nets: Map<number, bigint>;
  match: SwapAttempt;
}

/** How far past the bisection's landing point the exact check looks, both ways (the two splits found land on it). */
const WINDOW = 2;

/**
 * Finds how `sum` splits among `unknown` (crossed ticks whose liquidityNet only the sum of is known) so that the
 * swap reproduces the recorded event exactly. Tries the whole sum at one tick, then every pair of ticks (x at the
 * first crossed, sum − x at the second, the others 0): the swap's end price (exact input or output) or amount
 * given (price-limited) is monotonic in x, so x is bisected toward the recorded value, then the integers around it
 * are checked exactly (with inferSwapAndZeroNetTicks over `zeroNet`, whose initialized status is also unknown).
 * On success the nets stay added in the pool; otherwise the pool is as before.
 */
export function splitTickNets(pool: V3Pool, e: PoolEvent, crossed: readonly number[], unknown: readonly number[], sum: bigint, zeroNet: () => number[]): TickNetSplit | undefined {
  const set = (nets: Map<number, bigint>, sign: 1n | -1n) => {
    for (const [t, n] of nets) pool.ticks.get(t)!.liquidityNet += sign * n;
  };
  const attempt = (nets: Map<number, bigint>): SwapAttempt | undefined => {
    set(nets, 1n);
    const { match } = inferSwapAndZeroNetTicks(pool, e, zeroNet());
    if (match) return match;
    set(nets, -1n);
    return undefined;
  };
  const single = (t: number) => new Map(unknown.map((u) => [u, u === t ? sum : 0n]));
  for (const t of unknown) {
    const nets = single(t);
    const match = attempt(nets);
    if (match) return { nets, match };
  }
  for (let i = 0; i < unknown.length; i++)
    for (let j = i + 1; j < unknown.length; j++) {
      const found = bisectPair(pool, e, crossed, unknown, sum, unknown[i]!, unknown[j]!, attempt);
      if (found) return found;
    }
  return undefined;
}

function bisectPair(pool: V3Pool, e: PoolEvent, crossed: readonly number[], unknown: readonly number[], sum: bigint, a: number, b: number, attempt: (nets: Map<number, bigint>) => SwapAttempt | undefined): TickNetSplit | undefined {
  const netsAt = (x: bigint) => new Map(unknown.map((u) => [u, u === a ? x : u === b ? sum - x : 0n]));
  const [lo, hi] = bounds(pool, e, crossed, sum, a, b);
  if (lo > hi) return undefined;
  for (const { kind, params } of candidateSwaps(e)) {
    const target = observed(kind, e);
    const f = (x: bigint): bigint | undefined => {
      const nets = netsAt(x);
      for (const [t, n] of nets) pool.ticks.get(t)!.liquidityNet += n;
      try {
        return observe(kind, params, pool);
      } catch {
        return undefined;
      } finally {
        for (const [t, n] of nets) pool.ticks.get(t)!.liquidityNet -= n;
      }
    };
    const fLo = f(lo);
    const fHi = f(hi);
    if (fLo === undefined || fHi === undefined) continue;
    const up = fHi >= fLo;
    if (up ? target < fLo || target > fHi : target > fLo || target < fHi) continue;
    // The smallest x whose observable reaches the target.
    let l = lo;
    let h = hi;
    while (l < h) {
      const m = l + (h - l) / 2n;
      const v = f(m);
      if (v !== undefined && (up ? v >= target : v <= target)) h = m;
      else l = m + 1n;
    }
    for (let d = 0n; d <= WINDOW; d++)
      for (const x of d === 0n ? [l] : [l + d, l - d]) {
        if (x < lo || x > hi) continue;
        const nets = netsAt(x);
        const match = attempt(nets);
        if (match) return { nets, match };
      }
  }
  return undefined;
}

/** The range of x that keeps the active liquidity in [0, 2^128) on every range the swap may cross. */
function bounds(pool: V3Pool, e: PoolEvent, crossed: readonly number[], sum: bigint, a: number, b: number): [bigint, bigint] {
  const down = e.tick < pool.tick;
  let lo = -MAX_UINT128;
  let hi = MAX_UINT128;
  let liquidity = pool.liquidity;
  let coefficient = 0n;
  for (const t of crossed) {
    const net = pool.ticks.isInitialized(t) ? (pool.ticks.get(t)?.liquidityNet ?? 0n) : 0n;
    // After crossing t the liquidity is liquidity ± (net + x at a + (sum − x) at b).
    const sign = down ? -1n : 1n;
    liquidity += sign * (net + (t === b ? sum : 0n));
    coefficient += sign * ((t === a ? 1n : 0n) - (t === b ? 1n : 0n));
    if (coefficient === 0n) continue;
    // 0 ≤ liquidity + coefficient·x ≤ MAX_UINT128, coefficient = ±1
    const [x1, x2] = coefficient > 0n ? [-liquidity, MAX_UINT128 - liquidity] : [liquidity - MAX_UINT128, liquidity];
    if (x1 > lo) lo = x1;
    if (x2 < hi) hi = x2;
  }
  return [lo, hi];
}

function observe(kind: SwapKind, params: SwapParams, pool: V3Pool): bigint {
  const r = pool.quoteSwap(params);
  if (kind !== 'priceLimited') return r.sqrtPriceX96;
  return params.zeroForOne ? r.amount0 : r.amount1;
}

function observed(kind: SwapKind, e: PoolEvent): bigint {
  if (kind !== 'priceLimited') return e.sqrtPriceX96;
  return e.amount0 > 0n || (e.amount0 === 0n && e.amount1 < 0n) ? e.amount0 : e.amount1;
}
