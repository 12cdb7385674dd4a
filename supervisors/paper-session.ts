import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Store } from '../actors/ledger/storage/store.js';
import type { InspectObserver } from '../actors/runtime/actor-spec.js';
import { SimulatedClock } from '../actors/runtime/clock.js';
import type { Candle } from '../actors/market-data/types.js';
import { PaperVenue } from '../actors/venues/paper/paper-venue.js';
import { paperVenueActor } from '../actors/venues/paper/paper-venue-actor.js';
import { riskActor } from '../actors/risk/risk-actor.js';
import { ledgerActor } from '../actors/ledger/ledger-actor.js';
import { executionActor } from '../actors/execution/execution-actor.js';
import { marketMakingActor } from '../actors/strategies/market-making/market-making-actor.js';
import { bootTradingSystem, type TradingSystem } from './boot.js';
import { riskLimitsFrom, supervisionFrom } from './from-config.js';

export const PAPER_VENUE = 'paper';
export const MARKET_MAKING = 'market-making';

export interface PaperSessionOptions {
  config: Config;
  logger: Logger;
  store?: Store;
  /** The first bar's open: the paper account is funded half in base at this price. */
  firstCandle: Candle;
  /** Unique per session on one journal, so intent and client order ids never repeat across runs. */
  sessionId?: string;
  inspect?: InspectObserver;
  random?: () => number;
}

export interface PaperSession extends TradingSystem {
  clock: SimulatedClock;
  venue: PaperVenue;
  /** config.capital × allocation.market_making: the risk actor's and the ledger's capital. */
  capital: number;
}

/**
 * The default session's market-making family: one recorded market through the paper venue, with risk,
 * ledger and execution exactly as live, on capital × allocation.market_making. The paper account holds that capital in quote currency plus
 * an equal inventory of base to quote from (market making needs both sides); positions counted by
 * risk are what the strategy changes from there.
 */
export function startPaperSession(options: PaperSessionOptions): PaperSession {
  const { config, logger } = options;
  const mm = config.strategies.marketMaking;
  const [base, quote] = mm.symbol.split('/') as [string, string];
  const clock = new SimulatedClock(options.firstCandle.ts);
  const capital = config.capital * config.allocation.market_making;
  const fees = { maker: 0.001, taker: 0.001 };
  const venue = new PaperVenue({
    id: PAPER_VENUE,
    session: options.sessionId,
    fees,
    balances: { [quote]: capital, [base]: capital / options.firstCandle.open },
  });
  const trading = bootTradingSystem({
    clock,
    logger,
    store: options.store,
    venues: { [PAPER_VENUE]: venue },
    risk: riskActor({ capital, limits: riskLimitsFrom(config), startTs: clock.now() }),
    ledger: ledgerActor({ capital, markEveryMs: 15 * 60_000 }),
    execution: executionActor({
      venues: { [PAPER_VENUE]: venue },
      store: options.store,
      input: { venues: { [PAPER_VENUE]: { taker: fees.taker, onNotFound: 'resubmit' } }, maxLiquidityFraction: config.risk.maxLiquidityFraction },
    }),
    venueActors: [paperVenueActor(venue)],
    strategies: [
      marketMakingActor({
        strategy: MARKET_MAKING,
        session: options.sessionId,
        venue: PAPER_VENUE,
        symbol: mm.symbol,
        window: mm.volatilityWindow,
        params: {
          baseSpread: mm.baseSpread,
          referenceVolatility: mm.referenceVolatility,
          inventoryLimit: mm.inventoryLimit,
          skew: mm.skew,
          orderAmount: mm.orderAmount,
        },
      }),
    ],
    supervision: supervisionFrom(config),
    stashLimit: config.supervision.stashLimit,
    inspect: options.inspect,
    random: options.random,
  });
  return { ...trading, clock, venue, capital };
}
