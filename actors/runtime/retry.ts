import { backoffDelay, type BackoffShape } from './backoff.js';

export interface RetryPolicy {
  /** Attempts after the first; 0 = try once. */
  retries: number;
  backoff: BackoffShape;
}

export interface RetryHooks {
  /** Whether another attempt can help; anything else is thrown at once. */
  retryable: (error: unknown) => boolean;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before each wait: `attempt` is the 1-based number of the attempt that failed. */
  onRetry?: (retry: { attempt: number; delayMs: number; error: unknown }) => void;
}

/** Runs `fn` until it succeeds, fails with an error `retryable` refuses, or `retries` more attempts have failed (the last error is thrown). */
export async function withRetries<T>(fn: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= policy.retries || !hooks.retryable(error)) throw error;
      const delayMs = backoffDelay(attempt, policy.backoff, hooks.random);
      hooks.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await hooks.sleep(delayMs);
    }
  }
}
