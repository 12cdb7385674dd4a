import { section } from './define.js';
import { z } from 'zod';

export const log = section({
  level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino level'),
  pretty: z.union([z.literal('auto'), z.boolean()]).default('auto').describe('human-readable lines; auto = when stderr (where the logs go) is a terminal, else one JSON object per line'),
});
