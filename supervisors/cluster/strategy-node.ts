import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import { InputError } from '../../actors/runtime/errors.js';
import type { FamilyOff, FamilyPlan } from '../session-plan.js';
import type { Family } from '../../actors/strategies/catalogue/strategy-declaration.js';
import { StrategyLink } from './strategy-link.js';
import { connectClusterRedis } from './connect-redis.js';

/** Connects this strategy node to the venue node through the cluster's Redis (redis.url). */
export async function linkToVenueNode(config: Config, node: string, logger: Logger, families: readonly Family[]): Promise<StrategyLink> {
  const redis = await connectClusterRedis(config, 'a strategy node, to reach the venue node,');
  try {
    return await StrategyLink.open(redis, node, logger, families);
  } catch (err) {
    redis.disconnect();
    throw new InputError(`cluster: ${(err as Error).message} (is a venue node serving ${node}? arbiter run --cluster --role venues --serve ${node})`);
  }
}

/**
 * A strategy node trades the candle families, and those whose venues a world hosts (`hostedElsewhere`: arbiter chaos
 * hosts the local exchanges and the chain); the families on the universe, or on venues it would start itself, stay off.
 */
export function onClusterNode(planning: { running: FamilyPlan[]; off: FamilyOff[] }, hostedElsewhere: (plan: FamilyPlan) => boolean = () => false): { running: FamilyPlan[]; off: FamilyOff[] } {
  const here = (p: FamilyPlan) => p.host === 'candles' || hostedElsewhere(p);
  const elsewhere = planning.running.filter((p) => !here(p));
  return {
    running: planning.running.filter(here),
    off: [
      ...planning.off,
      ...elsewhere.map((p) => ({ family: p.family, disabledReason: 'not on a cluster node', detail: `a cluster strategy node trades the candle families on the venue node's market; ${p.family} trades on its ${p.host} in a single-process session` })),
    ],
  };
}
