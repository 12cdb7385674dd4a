import { z } from 'zod';
import { legRiskParamFields } from '../catalogue/leg-params.js';

/** Triangular arbitrage's parameters; its smallest net return is risk's minExpectedProfit. */
export const triangularParams = z.strictObject({
  slippage: z.number().min(0).max(0.05).default(0.0005).describe("each leg's limit this fraction beyond the worst level sized on; cycles must clear 3× it"),
  ...legRiskParamFields,
});
