import type { BackoffPolicy } from './policy.js';

/** Exponential backoff with jitter: attempt 0 waits about minMs, doubling up to maxMs. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.minMs * 2 ** Math.max(0, attempt));
  const jittered = base * (1 - policy.jitter) + base * policy.jitter * random();
  return Math.max(0, Math.min(policy.maxMs, Math.round(jittered)));
}
