import { section } from './define.js';
import { z } from 'zod';

/** Redis is not used for state yet (RELIABILITY R21: the SQLite journal is the source of truth); enabling it only checks that it answers. */
export const redis = section({
  url: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379').describe('Redis server (reserved for multi-process streams and a shared risk budget)'),
  enabled: z.boolean().default(false).describe('true: `arbiter run` PINGs redis.url at start and exits 2 if it does not answer; nothing else uses Redis yet (one process, in-memory bus)'),
});
