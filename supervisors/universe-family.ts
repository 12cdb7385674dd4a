import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Store } from '../actors/ledger/storage/store.js';
import type { InspectObserver } from '../actors/runtime/actor-spec.js';
import { SimulatedClock } from '../actors/runtime/clock.js';
import type { TimelineStep } from '../actors/backtest/timeline.js';
import { PaperVenue } from '../actors/venues/paper/paper-venue.js';
import type { Venue } from '../actors/venues/venue.js';
import type { TradingSystem } from './boot.js';
import { riskLimitsFrom } from './from-config.js';
import { paperVenueId } from './candle-family.js';
import { bootPaperFamily, PAPER_FEES } from './paper-family-system.js';
import type { FamilyPlan } from './session-plan.js';
import { loadUniverseRecording, universeBalances } from './universe-recording.js';

export interface UniverseFamilyOptions {
  config: Config;
  logger: Logger;
  store?: Store;
  plan: FamilyPlan;
  sessionId?: string;
  inspect?: InspectObserver;
  /** On a cluster strategy node: the venue node's account for this family, instead of a paper venue of its own. */
  venue?: Venue;
}

export interface UniverseFamily extends TradingSystem {
  venue: Venue;
  /** Its own clock: the universe's recording is not the candle families' (January 2018, not February 2021). */
  clock: SimulatedClock;
  steps: TimelineStep[];
  timeframeMs: number;
  symbols: string[];
  quote: string;
  /** config.capital × its allocation, in the capital's currency, and the same in the universe's quote currency. */
  capital: number;
  capitalInQuote: number;
}

/**
 * A family of multi-market strategies (quantum-portfolio) on the recorded markets of `replay.universe` through its
 * own paper venue, with risk, ledger and execution exactly as live. The markets share one quote currency, which the
 * capital is converted into at `replay.universeQuoteValue`; the account starts with that quote only.
 */
export function startUniverseFamily(options: UniverseFamilyOptions): UniverseFamily {
  const { config, plan } = options;
  const { steps, timeframeMs, quote, symbols } = loadUniverseRecording(config);
  const balances = universeBalances(config, quote, plan.capital);
  const capitalInQuote = balances[quote]!;
  const clock = new SimulatedClock(steps[0]!.ts);
  const venue = options.venue ?? new PaperVenue({ id: paperVenueId(plan.family), session: options.sessionId, fees: PAPER_FEES, balances });
  const venueId = venue.id;
  const limits = riskLimitsFrom(config);
  const trading = bootPaperFamily({
    config,
    logger: options.logger,
    store: options.store,
    family: plan.family,
    clock,
    venue,
    capital: capitalInQuote,
    strategies: plan.strategies.map(({ declaration, params, prepared }) =>
      declaration.actor(
        { name: declaration.name, session: options.sessionId, capital: capitalInQuote, limits, venue: venueId, symbol: symbols[0]!, symbols, fees: { [venueId]: PAPER_FEES.taker } },
        params,
        prepared,
      ),
    ),
    sessionId: options.sessionId,
    inspect: options.inspect,
  });
  return { ...trading, venue, clock, steps, timeframeMs, symbols, quote, capital: plan.capital, capitalInQuote };
}
