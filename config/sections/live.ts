import { positiveInt, section } from './define.js';
import { z } from 'zod';
import { strategyNames } from '../../actors/strategies/catalogue/catalogue.js';

const liveNames = strategyNames('live') as [string, ...string[]];

/**
 * Live trading (`arbiter run --live`): one catalogue strategy that runs live (default market making) on one ccxt exchange over REST, on candles polled
 * with fetchOHLCV. Keys come only from the environment: {EXCHANGE}_API_KEY and {EXCHANGE}_SECRET.
 */
export const live = section({
  strategy: z.enum(liveNames).default('market-making').describe(`catalogue strategy to trade live; one of ${liveNames.join(', ')}`),
  exchange: z.string().regex(/^[a-z][a-z0-9]*$/, 'must be a ccxt exchange id, e.g. binance').default('binance').describe('ccxt exchange id; keys from {EXCHANGE}_API_KEY and {EXCHANGE}_SECRET'),
  symbol: z.string().regex(/^[A-Z0-9]+\/[A-Z0-9]+$/, 'must look like BASE/QUOTE, e.g. BTC/USDT').default('BTC/USDT').describe('market to quote'),
  timeframe: z.string().regex(/^[0-9]+[smhdw]$/, "must be a ccxt timeframe such as '1m'").default('1m').describe('candle timeframe polled with fetchOHLCV; the strategy acts on each closed bar'),
  urls: z.record(z.string(), z.string().url()).optional().describe("override of the exchange's REST endpoints, merged into ccxt urls.api (e.g. { public, private } for a local exchange)"),
  pollMs: positiveInt().default(5_000).describe('ms between fetchOHLCV polls'),
  staleAfterFailures: positiveInt().default(3).describe('consecutive failed polls after which the market is reported stale (risk vetoes it)'),
});
