import { Redis } from 'ioredis';
import { InputError } from '../../actors/runtime/errors.js';
import { runVenueNode, type VenueNodeOptions, type VenueNodeSummary } from './venue-node.js';

/** `arbiter run --cluster --role venues`: the venue node on its own connection to the cluster's Redis (redis.url). */
export async function runVenueNodeProcess(o: Omit<VenueNodeOptions, 'redis' | 'node'>): Promise<VenueNodeSummary> {
  const { config } = o;
  // No offline queue: while Redis is away a publish fails at once and the bar moves on, rather than piling up.
  const redis = new Redis(config.redis.url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n) => Math.min(50 * n, 1_000) });
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new InputError(`redis.url: the venue node serves the cluster through Redis at ${config.redis.url.replace(/\/\/[^@]*@/, '//***@')} (${(err as Error).message})`);
  }
  try {
    return await runVenueNode({ ...o, redis, node: config.cluster.nodeId });
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
