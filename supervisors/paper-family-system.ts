import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Store } from '../actors/ledger/storage/store.js';
import type { ActorSpec, InspectObserver } from '../actors/runtime/actor-spec.js';
import type { Clock } from '../actors/runtime/clock.js';
import { PaperVenue } from '../actors/venues/paper/paper-venue.js';
import type { Venue } from '../actors/venues/venue.js';
import { paperVenueActor } from '../actors/venues/paper/paper-venue-actor.js';
import { riskActor } from '../actors/risk/risk-actor.js';
import { ledgerActor } from '../actors/ledger/ledger-actor.js';
import { executionActor } from '../actors/execution/execution-actor.js';
import type { Family } from '../actors/strategies/catalogue/strategy-declaration.js';
import { bootTradingSystem, type TradingSystem } from './boot.js';
import { riskLimitsFrom, supervisionFrom } from './from-config.js';
import { carriedPositions } from './carried-positions.js';

export const PAPER_FEES = { maker: 0.001, taker: 0.001 };

export interface PaperFamilySystemOptions {
  config: Config;
  logger: Logger;
  store?: Store;
  family: Family;
  clock: Clock;
  /** A paper venue is hosted here (its actor matches each bar); any other venue (a cluster's remote one) matches elsewhere. */
  venue: Venue;
  /** The risk actor's and the ledger's capital, in the venue's quote currency. */
  capital: number;
  strategies: ActorSpec[];
  signals?: ActorSpec[];
  /** A cluster node's budget gate (supervisors/cluster-node.ts). */
  budget?: ActorSpec;
  sessionId?: string;
  inspect?: InspectObserver;
  random?: () => number;
}

/** A family's trading system on a paper venue: risk, ledger and execution exactly as live, its ledger journaled as `<family>/ledger`. */
export function bootPaperFamily(o: PaperFamilySystemOptions): TradingSystem {
  const { config, venue } = o;
  return bootTradingSystem({
    clock: o.clock,
    logger: o.family === 'market_making' ? o.logger : o.logger.child({ family: o.family }),
    store: o.store,
    venues: { [venue.id]: venue },
    risk: riskActor({ capital: o.capital, limits: riskLimitsFrom(config), startTs: o.clock.now(), positions: o.store ? carriedPositions(o.store.orders.fillsSince(Number.MIN_SAFE_INTEGER), { [venue.id]: venue }) : {} }),
    budget: o.budget,
    ledger: ledgerActor({ capital: o.capital, markEveryMs: 15 * 60_000 }),
    journalBook: { book: `${o.family}/ledger`, session: o.sessionId },
    execution: executionActor({
      venues: { [venue.id]: venue },
      store: o.store,
      input: { venues: { [venue.id]: { taker: PAPER_FEES.taker, onNotFound: 'resubmit' } }, maxLiquidityFraction: config.risk.maxLiquidityFraction },
    }),
    venueActors: venue instanceof PaperVenue ? [paperVenueActor(venue)] : [],
    signals: o.signals,
    strategies: o.strategies,
    supervision: supervisionFrom(config),
    stashLimit: config.supervision.stashLimit,
    inspect: o.inspect,
    random: o.random,
  });
}
