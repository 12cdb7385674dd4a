import { network as networkSection } from '../../../config/sections/network.js';
import type { RetryPolicy } from '../../runtime/retry.js';

/** REST transport and retry policy of a ccxt venue: config.network's fields (config/sections/network.ts). */
export interface NetworkOptions {
  /** Per request; a create that times out is UNKNOWN. */
  timeoutMs: number;
  /** Extra attempts of an idempotent read after a network error, timeout or 5xx. */
  retries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  keepAlive: boolean;
  /** Sockets per host. */
  maxSockets: number;
}

/** The config's defaults, for whatever a caller leaves out. */
export const NETWORK_DEFAULTS: NetworkOptions = networkSection.parse(undefined);

/** Doubling from backoffBaseMs up to backoffMaxMs, with equal jitter (half fixed, half random) as supervision's restarts. */
export function retryPolicyOf(network: NetworkOptions): RetryPolicy {
  return { retries: network.retries, backoff: { minMs: network.backoffBaseMs, maxMs: network.backoffMaxMs, jitter: 0.5 } };
}
