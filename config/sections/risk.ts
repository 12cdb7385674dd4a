import { fraction, positiveInt, section } from './define.js';
import { z } from 'zod';

export const risk = section({
  maxPositionFraction: fraction().default(0.1).describe('max position per symbol as a fraction of capital'),
  maxDailyLossFraction: fraction().default(0.05).describe('daily loss (fraction of capital) that trips HALTED'),
  maxLeverage: z.number().positive().default(3).describe('max gross exposure / equity'),
  minProfitFraction: fraction().default(0.001).describe('min expected net profit of an arbitrage intent'),
  maxNotionalPerOrder: z.number().positive().default(10_000).describe('max notional of one order, quote currency'),
  maxOrdersPerSecond: positiveInt().default(100).describe('submit-rate cap across all strategies'),
  staleDataMs: positiveInt().default(5_000).describe('market data older than this vetoes orders on that market'),
  riskPerTrade: fraction().default(0.01).describe('fraction of account value risked per trade (position sizing)'),
  maxLiquidityFraction: fraction().default(0.1).describe('max share of visible book depth one (child) order may take'),
});
