import { z } from 'zod';
import { legRiskParamFields } from '../catalogue/leg-params.js';

/** Cross-exchange arbitrage's parameters. */
export const crossExchangeParams = z.strictObject({
  minNetProfit: z.number().nonnegative().default(0.01).describe('smallest profit to act on after both taker fees, quote currency'),
  ...legRiskParamFields,
});
