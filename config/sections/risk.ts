import { fraction, nonNegativeInt, positiveInt } from './define.js';
import { z } from 'zod';

/** Risk limits (actors/risk/limits.ts): the spec's defaults. Fractions: 0.1 = 10%. */
export const risk = z
  .strictObject({
    maxPositionFraction: fraction().default(0.1).describe('max position per symbol as a fraction of capital'),
    maxDailyLossFraction: fraction().default(0.05).describe('daily loss (fraction of capital) that trips HALTED'),
    reduceAtDailyLossFraction: fraction().default(0.03).describe('daily loss that moves ACTIVE to REDUCING (below maxDailyLossFraction)'),
    maxDrawdownFraction: fraction().default(0.1).describe('drawdown from peak equity that trips HALTED until re-armed'),
    maxLeverage: z.number().positive().default(3).describe('max gross exposure / equity'),
    minProfitFraction: fraction().default(0.001).describe('min expected net profit of an arbitrage intent'),
    maxNotionalPerOrder: z.number().positive().default(10_000).describe('max notional of one order, quote currency'),
    maxNotionalBySymbol: z.record(z.string(), z.number().positive()).default({}).describe('per-symbol overrides of maxNotionalPerOrder, e.g. {"BTC/USDT": 5000}'),
    maxOrdersPerSecond: positiveInt().default(100).describe('submit-rate cap across all strategies'),
    staleDataMs: positiveInt().default(5_000).describe('market data older than this vetoes orders on that market'),
    riskPerTrade: fraction().default(0.01).describe('fraction of account value risked per trade (position sizing)'),
    maxLiquidityFraction: fraction().default(0.1).describe('max share of visible book depth one (child) order may take'),
    maxLossStreak: nonNegativeInt().default(5).describe('consecutive losing closes that pause new exposure (REDUCING)'),
    cooldownMs: nonNegativeInt().default(15 * 60_000).describe('how long a loss streak pauses new exposure'),
    toxicPercentile: fraction().default(0.95).describe("VPIN percentile (market.toxicity: where the market's latest VPIN stands among its earlier ones) at or above which orders adding exposure on that market are clipped; 1 turns it off"),
    toxicSizeFactor: z.number().positive().max(1).default(0.5).describe('what an order keeps of the exposure it adds while its market is toxic; 1 turns it off'),
    toxicityMaxAgeMs: positiveInt().default(90 * 60_000).describe('a VPIN older than this is ignored'),
  })
  .refine((r) => r.reduceAtDailyLossFraction < r.maxDailyLossFraction, {
    path: ['reduceAtDailyLossFraction'],
    error: (issue) => {
      const r = issue.input as { reduceAtDailyLossFraction: number; maxDailyLossFraction: number };
      return `must be below maxDailyLossFraction (${r.reduceAtDailyLossFraction} >= ${r.maxDailyLossFraction})`;
    },
  })
  .prefault({});
