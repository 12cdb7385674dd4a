import { nonNegativeInt, positiveInt, section } from './define.js';
import { z } from 'zod';

/** HTTP pool and retry policy for venue REST calls. */
export const network = section({
  keepAlive: z.boolean().default(true).describe('reuse TCP connections (keep-alive agent)'),
  maxSockets: positiveInt().default(50).describe('max open sockets per host in the pool'),
  timeoutMs: positiveInt().default(5_000).describe('request timeout; a create that times out is UNKNOWN'),
  retries: nonNegativeInt().default(3).describe('retries of idempotent requests'),
  backoffBaseMs: positiveInt().default(200).describe('first retry delay; doubles each attempt, with jitter'),
  backoffMaxMs: positiveInt().default(5_000).describe('cap on the retry delay'),
});
