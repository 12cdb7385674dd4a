import type { PoolEvent } from './pool-events.js';
import { isZeroForOne } from './learn-tick-nets.js';
import type { SwapParams, SwapResult, V3Pool } from './v3-pool.js';

export type SwapKind = 'exactIn' | 'exactOut' | 'priceLimited';

export interface SwapAttempt {
  kind: SwapKind;
  params: SwapParams;
  /** undefined when the contract would have reverted. */
  result?: SwapResult;
  error?: string;
}

const MAX_INT256 = (1n << 255n) - 1n;

/** Whether a result is the recorded Swap event: both amounts, the price, the tick and the active liquidity. */
export function matchesEvent(result: SwapResult, e: PoolEvent): boolean {
  return result.amount0 === e.amount0 && result.amount1 === e.amount1 && result.sqrtPriceX96 === e.sqrtPriceX96 && result.liquidity === e.liquidity && result.tick === e.tick;
}

/**
 * The swap calls that could have produced a recorded Swap event, in the order tried: exact input of the amount paid
 * in; exact output of the amount paid out; a swap stopped by a price limit at the recorded price (the amount given
 * large enough never to run out first).
 */
export function candidateSwaps(e: PoolEvent): { kind: SwapKind; params: SwapParams }[] {
  const zeroForOne = isZeroForOne(e);
  const paidIn = zeroForOne ? e.amount0 : e.amount1;
  const paidOut = zeroForOne ? e.amount1 : e.amount0;
  const out: { kind: SwapKind; params: SwapParams }[] = [];
  if (paidIn > 0n) out.push({ kind: 'exactIn', params: { zeroForOne, amountSpecified: paidIn } });
  if (paidOut < 0n) out.push({ kind: 'exactOut', params: { zeroForOne, amountSpecified: paidOut } });
  out.push({ kind: 'priceLimited', params: { zeroForOne, amountSpecified: MAX_INT256, sqrtPriceLimitX96: e.sqrtPriceX96 } });
  return out;
}

/** Tries each candidate on the pool (without changing it); the first that reproduces the event, else every attempt. */
export function inferSwap(pool: V3Pool, e: PoolEvent): { match?: SwapAttempt; attempts: SwapAttempt[] } {
  const attempts: SwapAttempt[] = [];
  for (const { kind, params } of candidateSwaps(e)) {
    let attempt: SwapAttempt;
    try {
      attempt = { kind, params, result: pool.quoteSwap(params) };
    } catch (err) {
      attempt = { kind, params, error: (err as Error).message };
    }
    attempts.push(attempt);
    if (attempt.result && matchesEvent(attempt.result, e)) return { match: attempt, attempts };
  }
  return { attempts };
}

/**
 * inferSwap, also trying whether each of `zeroNetTicks` (crossed ticks whose liquidityNet is 0, so the recorded
 * liquidity cannot tell whether a position starts or ends there) is initialized: an initialized tick splits the
 * swap into two steps, which changes the rounding. Tries the pool as it is first, then each of those ticks flipped
 * (every subset up to 4 ticks, else all of them at once); the state that reproduced the event is left in the pool.
 */
export function inferSwapAndZeroNetTicks(pool: V3Pool, e: PoolEvent, zeroNetTicks: readonly number[]): { match?: SwapAttempt; attempts: SwapAttempt[] } {
  const n = zeroNetTicks.length;
  const masks = n <= 4 ? Array.from({ length: 1 << n }, (_, m) => m) : [0, (1 << n) - 1];
  let first: SwapAttempt[] | undefined;
  const flip = (mask: number) => {
    for (let k = 0; k < n; k++) if (mask & (1 << k)) pool.ticks.setInitialized(zeroNetTicks[k]!, !pool.ticks.isInitialized(zeroNetTicks[k]!));
  };
  for (const mask of masks) {
    flip(mask);
    const { match, attempts } = inferSwap(pool, e);
    if (match) return { match, attempts };
    first ??= attempts;
    flip(mask);
  }
  return { attempts: first! };
}
