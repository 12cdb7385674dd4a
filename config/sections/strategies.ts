import { fraction, positiveInt, section } from './define.js';
import { z } from 'zod';

/** spread = baseSpread * volatility_factor * risk_factor, quoted around mid, skewed by inventory. */
const marketMaking = section({
  symbol: z.string().regex(/^[A-Z0-9]+\/[A-Z0-9]+$/, 'must look like BASE/QUOTE, e.g. BTC/USDT').default('BTC/USDT').describe('market to quote'),
  baseSpread: fraction().default(0.001).describe('base spread as a fraction of mid'),
  volatilityWindow: positiveInt().default(20).describe('bars in the volatility estimate'),
  referenceVolatility: z.number().positive().default(0.001).describe('per-bar volatility (std of log returns) at which the volatility factor is 1'),
  inventoryLimit: z.number().positive().default(0.03).describe('inventory at which quotes are fully skewed, base currency (looser than risk: the risk actor vetoes past its position limit)'),
  orderAmount: z.number().positive().default(0.004).describe('quote size, base currency'),
  skew: z.number().nonnegative().default(0.5).describe('at full inventory, the reservation price shifts by this many spreads'),
});

export const strategies = section({
  marketMaking,
});
