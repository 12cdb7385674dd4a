import { z } from 'zod';

/** sma-cross parameters, with their defaults: what the backtest accepts as `--param` or allocation-file params. */
export const smaCrossParams = z
  .strictObject({
    fast: z.number().int().positive().default(10).describe('fast SMA length, bars'),
    slow: z.number().int().positive().default(30).describe('slow SMA length, bars'),
    fraction: z.number().gt(0).max(1).default(1).describe('fraction of cash committed on entry (1 = all in)'),
  })
  .refine((p) => p.fast < p.slow, { path: ['fast'], error: (issue) => `must be shorter than slow (${(issue.input as { slow: number }).slow})` });

export type SmaCrossParamValues = z.output<typeof smaCrossParams>;
