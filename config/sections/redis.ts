import { section } from './define.js';
import { z } from 'zod';

/** Redis carries a cluster's streams and its shared risk budget; the journal stays the source of truth (RELIABILITY R21). */
export const redis = section({
  url: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379').describe("Redis server of a cluster: the streams between nodes and the shared risk budget (`arbiter run --cluster`; `arbiter cluster` starts a redis-server of its own instead)"),
  enabled: z.boolean().default(false).describe('true: `arbiter run` PINGs redis.url at start and exits 2 if it does not answer (a single-process session uses no Redis: its bus is in memory)'),
});
