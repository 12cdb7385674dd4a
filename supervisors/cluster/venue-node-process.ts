import { connectClusterRedis } from './connect-redis.js';
import { runVenueNode, type VenueNodeOptions, type VenueNodeSummary } from './venue-node.js';

/** `arbiter run --cluster --role venues`: the venue node on its own connection to the cluster's Redis (redis.url). */
export async function runVenueNodeProcess(o: Omit<VenueNodeOptions, 'redis' | 'node'>): Promise<VenueNodeSummary> {
  const { config } = o;
  const redis = await connectClusterRedis(config, 'the venue node, to serve the cluster,');
  try {
    return await runVenueNode({ ...o, redis, node: config.cluster.nodeId });
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
