import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import { InputError } from '../../actors/runtime/errors.js';
import type { FamilyOff, FamilyPlan } from '../session-plan.js';
import type { Family } from '../../actors/strategies/catalogue/strategy-declaration.js';
import { StrategyLink } from './strategy-link.js';

/** Connects this strategy node to the venue node through the cluster's Redis (redis.url). */
export async function linkToVenueNode(config: Config, node: string, logger: Logger, families: readonly Family[]): Promise<StrategyLink> {
  const redis = new Redis(config.redis.url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n) => Math.min(50 * n, 1_000) });
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new InputError(`redis.url: a cluster strategy node reaches the venue node through Redis at ${config.redis.url.replace(/\/\/[^@]*@/, '//***@')} (${(err as Error).message})`);
  }
  try {
    return await StrategyLink.open(redis, node, logger, families);
  } catch (err) {
    redis.disconnect();
    throw new InputError(`cluster: ${(err as Error).message} (is a venue node serving ${node}? arbiter run --cluster --role venues --serve ${node})`);
  }
}

/** A strategy node trades the candle families; the families on local exchanges, the chain or the universe stay off. */
export function onClusterNode(planning: { running: FamilyPlan[]; off: FamilyOff[] }): { running: FamilyPlan[]; off: FamilyOff[] } {
  const elsewhere = planning.running.filter((p) => p.host !== 'candles');
  return {
    running: planning.running.filter((p) => p.host === 'candles'),
    off: [
      ...planning.off,
      ...elsewhere.map((p) => ({ family: p.family, disabledReason: 'not on a cluster node', detail: `a cluster strategy node trades the candle families on the venue node's market; ${p.family} trades on its ${p.host} in a single-process session` })),
    ],
  };
}
