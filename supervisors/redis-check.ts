import { Redis } from 'ioredis';
import type { Config } from '../config/index.js';
import { InputError } from '../actors/runtime/errors.js';
import { shownUrl } from '../actors/runtime/shown-url.js';

/**
 * With `redis.enabled`, Redis must answer a PING at start: connect once (no reconnect loop), PING,
 * disconnect. Otherwise an InputError naming redis.url (its password blanked) and the cause; a server
 * that stays silent is given up after `timeoutMs`. Without `redis.enabled`, nothing is tried.
 */
export async function requireRedis(config: Pick<Config, 'redis'>, timeoutMs = 2_000): Promise<void> {
  if (!config.redis.enabled) return;
  let transportError: Error | undefined;
  const redis = new Redis(config.redis.url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    enableReadyCheck: false,
  });
  // ioredis reports the socket's error here; connect() itself may reject with only "Connection is closed."
  redis.on('error', (err: Error) => (transportError ??= err));
  try {
    await redis.connect();
    await redis.ping();
    // A failed setup command (AUTH, SELECT) is reported as an error even though PING answers.
    if (transportError) throw transportError;
  } catch (err) {
    const cause = (transportError ?? (err as Error)).message.replace(/\s+/g, ' ');
    throw new InputError(`redis.url: no working Redis at ${shownUrl(config.redis.url)} (${cause}); start Redis there, fix redis.url, or set redis.enabled: false`);
  } finally {
    redis.disconnect();
  }
}

