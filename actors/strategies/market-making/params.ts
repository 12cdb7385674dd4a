import { z } from 'zod';

/**
 * The market maker's parameters, with their defaults and meanings. The config's
 * `strategies.marketMaking` section spreads these fields (docs/config.md is generated from them) and
 * the backtest validates `--param` and allocation-file params with `marketMakingParams`.
 */
export const marketMakingParamFields = {
  baseSpread: z.number().min(0).max(1).default(0.001).describe('base spread as a fraction of mid'),
  volatilityWindow: z.number().int().positive().default(20).describe('bars in the volatility estimate'),
  referenceVolatility: z.number().positive().default(0.001).describe('per-bar volatility (std of log returns) at which the volatility factor is 1'),
  inventoryLimit: z.number().positive().default(0.006).describe('inventory at which quotes are fully skewed, base currency (looser than risk, whose position limit is a fraction of capital × allocation.market_making: the risk actor vetoes past it)'),
  orderAmount: z.number().positive().default(0.0008).describe('quote size, base currency'),
  skew: z.number().nonnegative().default(0.5).describe('at full inventory, the reservation price shifts by this many spreads'),
};

export const marketMakingParams = z.strictObject(marketMakingParamFields);

export type MarketMakingParams = z.output<typeof marketMakingParams>;
