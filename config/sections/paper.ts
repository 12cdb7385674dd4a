import { z } from 'zod';
import { fraction, nonNegativeInt, positiveInt, section } from './define.js';
import { catalogue, strategyNames } from '../../actors/strategies/catalogue/catalogue.js';
import { chain } from './chain.js';
import { amm } from './amm.js';

const paperNames = strategyNames('paper') as [string, ...string[]];
const byDefault = catalogue.filter((d) => d.runs.includes('paper') && d.inDefaultSession !== false).map((d) => d.name);

/**
 * CEX arbitrage's venues in the paper session: two local Binance-speaking exchanges on 127.0.0.1 ('local-a',
 * 'local-b') reached through real ccxt, whose books move in real time.
 */
const localExchanges = section({
  moveEveryMs: positiveInt().default(250).describe('wall-clock ms between book moves'),
  shockChance: fraction().default(0.01).describe('per market per move, chance of a one-move ±0.4% jump (a small window)'),
  windowEveryMs: nonNegativeInt().default(2_500).describe('every this many ms, one market jumps windowSize for one move, alternately a cross and a triangle window (0 = never)'),
  windowSize: z.number().positive().max(0.05).default(0.008).describe('size of those jumps, as a fraction of price'),
  fee: fraction().default(0.001).describe('taker and maker fee of the local exchanges'),
  seed: nonNegativeInt().default(1).describe('seed of the book moves and windows'),
});

/** The paper session (`arbiter run`): which catalogue strategies run, each in its family, and the simulated venues they trade on. */
export const paper = section({
  strategies: z
    .array(z.enum(paperNames))
    .refine((names) => new Set(names).size === names.length, 'lists a strategy twice')
    .default(byDefault)
    .describe(`catalogue strategies the session runs, each in its own family's trading system (see arbiter strategies); one of ${paperNames.join(', ')}`),
  symbol: z.string().regex(/^[A-Z0-9]+\/[A-Z0-9]+$/, 'must look like BASE/QUOTE, e.g. BTC/USDT').default('BTC/USDT').describe("market of the candle strategies: the recording's (replay.dataFile)"),
  localExchanges,
  chain,
  amm,
  world: z
    .string()
    .default('')
    .describe('a world file written by arbiter chaos: the venues named there (local exchanges, the chain, the candle venue node) are reached where they run instead of being started by this session, so they outlive it (empty = start its own)'),
});
