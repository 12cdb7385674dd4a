import type { z } from 'zod';
import { network as networkSection } from '../../../config/sections/network.js';
import type { RetryPolicy } from '../../runtime/retry.js';

/** REST transport and retry policy of a ccxt venue: config.network (config/sections/network.ts), field for field. */
export type NetworkOptions = z.output<typeof networkSection>;

/** The config's defaults, for whatever a caller leaves out. */
export const NETWORK_DEFAULTS: NetworkOptions = networkSection.parse(undefined);

/** Doubling from backoffBaseMs up to backoffMaxMs, with equal jitter (half fixed, half random) as supervision's restarts. */
export function retryPolicyOf(network: NetworkOptions): RetryPolicy {
  return { retries: network.retries, backoff: { minMs: network.backoffBaseMs, maxMs: network.backoffMaxMs, jitter: 0.5 } };
}
