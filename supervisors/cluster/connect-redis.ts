import { Redis } from 'ioredis';
import type { Config } from '../../config/index.js';
import { InputError } from '../../actors/runtime/errors.js';
import { shownUrl } from '../../actors/runtime/shown-url.js';

/**
 * A cluster node's connection to its Redis (redis.url). No offline queue: while Redis is away a command fails at
 * once (the budget gate refuses, a publish is counted undelivered) and the connection is retried in the background.
 * Not answering at start is an InputError saying what the node needed it for.
 */
export async function connectClusterRedis(config: Config, neededFor: string): Promise<Redis> {
  const redis = new Redis(config.redis.url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n) => Math.min(50 * n, 1_000) });
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new InputError(`redis.url: ${neededFor} needs Redis at ${shownUrl(config.redis.url)} (${(err as Error).message})`);
  }
  return redis;
}
