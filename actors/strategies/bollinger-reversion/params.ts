import { z } from 'zod';

/** bollinger-reversion parameters, with their defaults: what the backtest accepts as `--param` or allocation-file params. */
export const bollingerReversionParams = z.strictObject({
  period: z.number().int().min(2).default(20).describe('closes in the Bollinger window (its SMA is the middle band), bars'),
  stdDevs: z.number().positive().default(2).describe('band width: standard deviations of the window from the middle band'),
  fraction: z.number().gt(0).max(1).default(1).describe('fraction of cash committed on entry (1 = all in)'),
});

export type BollingerReversionParamValues = z.output<typeof bollingerReversionParams>;
