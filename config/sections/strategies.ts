import { fraction, nonNegativeInt, positiveInt, section } from './define.js';
import { z } from 'zod';
import { marketMakingParamFields } from '../../actors/strategies/market-making/params.js';

/**
 * spread = baseSpread * volatility_factor * risk_factor, quoted around mid, skewed by inventory.
 * The strategy's own fields live beside it (actors/strategies/market-making/params.ts), shared with the backtest's `--param`.
 */
const marketMaking = section({
  symbol: z.string().regex(/^[A-Z0-9]+\/[A-Z0-9]+$/, 'must look like BASE/QUOTE, e.g. BTC/USDT').default('BTC/USDT').describe('market to quote'),
  ...marketMakingParamFields,
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
