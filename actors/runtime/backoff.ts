/** How long to wait before retry number `attempt` (0-based): doubling from minMs, capped at maxMs. */
export interface BackoffShape {
  minMs: number;
  maxMs: number;
  /** 0 = no jitter, 0.5 = "equal jitter" (half fixed, half random), 1 = anywhere in [0, base]. */
  jitter: number;
}

/**
 * Exponential backoff with jitter: attempt 0 waits about minMs, doubling up to maxMs. Pure when `random` is:
 * supervisors pass their injected source, machines a value drawn from their seeded PRNG.
 */
export function backoffDelay(attempt: number, policy: BackoffShape, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.minMs * 2 ** Math.max(0, attempt));
  const jittered = base * (1 - policy.jitter) + base * policy.jitter * random();
  return Math.max(0, Math.min(policy.maxMs, Math.round(jittered)));
}
