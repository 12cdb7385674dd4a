import { z } from 'zod';

/** buy-and-hold parameters, with their defaults: what the backtest accepts as `--param` or allocation-file params. */
export const buyAndHoldParams = z.strictObject({
  fraction: z.number().gt(0).max(1).default(1).describe('fraction of cash committed on the first bar (1 = all in)'),
});

export type BuyAndHoldParamValues = z.output<typeof buyAndHoldParams>;
