import { fraction, nonNegativeInt, positiveInt, section } from './define.js';
import { z } from 'zod';

/** spread = baseSpread * volatility_factor * risk_factor, quoted around mid, skewed by inventory. */
const marketMaking = section({
  symbol: z.string().regex(/^[A-Z0-9]+\/[A-Z0-9]+$/, 'must look like BASE/QUOTE, e.g. BTC/USDT').default('BTC/USDT').describe('market to quote'),
  baseSpread: fraction().default(0.001).describe('base spread as a fraction of mid'),
  volatilityWindow: positiveInt().default(20).describe('bars in the volatility estimate'),
  referenceVolatility: z.number().positive().default(0.001).describe('per-bar volatility (std of log returns) at which the volatility factor is 1'),
  inventoryLimit: z.number().positive().default(0.006).describe('inventory at which quotes are fully skewed, base currency (looser than risk, whose position limit is a fraction of capital × allocation.market_making: the risk actor vetoes past it)'),
  orderAmount: z.number().positive().default(0.0008).describe('quote size, base currency'),
  skew: z.number().nonnegative().default(0.5).describe('at full inventory, the reservation price shifts by this many spreads'),
});

/**
 * CEX arbitrage in the paper session: triangular on 'local-a' and cross-exchange BTC/USDT between
 * 'local-a' and 'local-b', two local Binance-speaking exchanges on 127.0.0.1 whose books move in real
 * time. Runs as its own trading system (own risk with capital × allocation.arbitrage) beside market making.
 */
const arbitrage = section({
  enabled: z.boolean().default(true).describe('run the arbitrage family beside market making in the paper session'),
  moveEveryMs: positiveInt().default(250).describe('local venues: wall-clock ms between book moves'),
  shockChance: fraction().default(0.01).describe('local venues: per market per move, chance of a one-move ±0.4% jump (a small window)'),
  windowEveryMs: nonNegativeInt().default(2_500).describe('local venues: every this many ms, one market jumps windowSize for one move, alternately a cross and a triangle window (0 = never)'),
  windowSize: z.number().positive().max(0.05).default(0.008).describe('size of those jumps, as a fraction of price'),
  fee: fraction().default(0.001).describe('taker fee of the local venues, used by both planners'),
  deadlineMs: positiveInt().default(1_500).describe('leg risk: time for every leg to fill before hedging or unwinding'),
  hedgeDeadlineMs: positiveInt().default(3_000).describe('leg risk: time for hedges to fill before the group is stuck (and risk halts)'),
  seed: nonNegativeInt().default(1).describe('seed of the book moves and windows'),
});

export const strategies = section({
  marketMaking,
  arbitrage,
});
