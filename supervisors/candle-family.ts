import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Store } from '../actors/ledger/storage/store.js';
import type { ActorSpec, InspectObserver } from '../actors/runtime/actor-spec.js';
import type { SimulatedClock } from '../actors/runtime/clock.js';
import type { Candle } from '../actors/market-data/types.js';
import { PaperVenue } from '../actors/venues/paper/paper-venue.js';
import type { Venue } from '../actors/venues/venue.js';
import type { Family } from '../actors/strategies/catalogue/strategy-declaration.js';
import { patternActor } from '../actors/patterns/pattern-actor.js';
import type { TradingSystem } from './boot.js';
import { riskLimitsFrom } from './from-config.js';
import { bootPaperFamily, PAPER_FEES } from './paper-family-system.js';
import type { FamilyPlan } from './session-plan.js';
import type { LpHost } from './lp-host.js';


/** The paper venue of a candle family: `paper` for market making (as journals before the catalogue had it), `paper-<family>` otherwise. */
export function paperVenueId(family: Family): string {
  return family === 'market_making' ? 'paper' : `paper-${family}`;
}

export interface CandleFamilyOptions {
  config: Config;
  logger: Logger;
  store?: Store;
  plan: FamilyPlan;
  /** Shared by every candle family: the replay moves it once per bar for all of them. */
  clock: SimulatedClock;
  /** The first bar's open: the paper account is funded half in base at this price. */
  firstCandle: Candle;
  /** Unique per session on one journal, so intent and client order ids never repeat across runs. */
  sessionId?: string;
  inspect?: InspectObserver;
  random?: () => number;
  /** On a cluster node: the budget gate between risk and execution. */
  budget?: ActorSpec;
  /** On a cluster strategy node: the venue node's account for this family, instead of a paper venue of its own. */
  venue?: Venue;
  /** Its strategies on recorded swaps (amm-lp) trade on this local chain's pools, through the family's risk actor. */
  lp?: LpHost;
}

export interface CandleFamily extends TradingSystem {
  family: Family;
  venue: Venue;
  /** config.capital × allocation.<family>: the risk actor's and the ledger's capital. */
  capital: number;
}

/** A candle family's paper account: its capital in quote currency plus an equal value of base at the first bar's open. */
export function paperBalances(symbol: string, capital: number, firstCandle: Candle): Record<string, number> {
  const [base, quote] = symbol.split('/') as [string, string];
  return { [quote]: capital, [base]: capital / firstCandle.open };
}

/**
 * A family of candle strategies on the recorded market (config.paper.symbol) through its own paper venue, with risk,
 * ledger and execution exactly as live, on capital × its allocation. The paper account holds that capital in quote
 * currency plus an equal inventory of base (market making quotes both sides); positions counted by risk are what
 * the strategies change from there. A pattern actor watches the market: its patterns reach the strategies that read
 * them, its VPIN reaches risk.
 */
export function startCandleFamily(options: CandleFamilyOptions): CandleFamily {
  const { config, logger, plan, clock } = options;
  const symbol = config.paper.symbol;
  const capital = plan.capital;
  const venue = options.venue ?? new PaperVenue({ id: paperVenueId(plan.family), session: options.sessionId, fees: PAPER_FEES, balances: paperBalances(symbol, capital, options.firstCandle) });
  const venueId = venue.id;
  const limits = riskLimitsFrom(config);
  const trading = bootPaperFamily({
    config,
    logger,
    store: options.store,
    family: plan.family,
    clock,
    venue,
    capital,
    signals: [patternActor({ symbol, venue: venueId })],
    strategies: plan.strategies.map(({ declaration, params, prepared }) => {
      if (declaration.needs.includes('swaps')) {
        if (!options.lp) throw new Error(`${declaration.name} trades recorded swaps: the family needs its LP host`);
        return declaration.actor({ name: declaration.name, session: options.sessionId, capital, limits, venue: options.lp.venueId, symbol: '', fees: {}, effects: options.lp.effectsFor(declaration.name) }, params, prepared);
      }
      return declaration.actor({ name: declaration.name, session: options.sessionId, capital, limits, venue: venueId, symbol, fees: { [venueId]: PAPER_FEES.taker }, patterns: true }, params, prepared);
    }),
    sessionId: options.sessionId,
    inspect: options.inspect,
    random: options.random,
    budget: options.budget,
  });
  options.lp?.attach(trading.system, plan.strategies.filter((s) => s.declaration.needs.includes('swaps')).map((s) => s.declaration.name));
  return { ...trading, family: plan.family, venue, capital };
}
