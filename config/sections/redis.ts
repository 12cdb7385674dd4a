import { section } from './define.js';
import { z } from 'zod';

export const redis = section({
  url: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379').describe('Redis for multi-process streams and the shared risk budget'),
  enabled: z.boolean().default(false).describe('off: one process, in-memory bus'),
});
