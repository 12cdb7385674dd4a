import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Store } from '../actors/ledger/storage/store.js';
import type { InspectObserver } from '../actors/runtime/actor-spec.js';
import { SimulatedClock } from '../actors/runtime/clock.js';
import { InputError } from '../actors/runtime/errors.js';
import { loadCandles } from '../actors/market-data/candles/load-candles.js';
import { buildTimeline, type TimelineStep } from '../actors/backtest/timeline.js';
import { PaperVenue } from '../actors/venues/paper/paper-venue.js';
import type { TradingSystem } from './boot.js';
import { riskLimitsFrom } from './from-config.js';
import { paperVenueId } from './candle-family.js';
import { bootPaperFamily, PAPER_FEES } from './paper-family-system.js';
import type { FamilyPlan } from './session-plan.js';

export interface UniverseFamilyOptions {
  config: Config;
  logger: Logger;
  store?: Store;
  plan: FamilyPlan;
  sessionId?: string;
  inspect?: InspectObserver;
}

export interface UniverseFamily extends TradingSystem {
  venue: PaperVenue;
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
  const series = config.replay.universe.map((file) => loadCandles(file));
  const quotes = new Set(series.map((s) => s.symbol.split('/')[1]));
  if (quotes.size !== 1) throw new InputError(`replay.universe: its markets must share one quote currency; they have ${[...quotes].join(', ')}`, series.map((s) => `${s.file}: ${s.symbol}`));
  const { steps, timeframeMs } = buildTimeline(series);
  const quote = [...quotes][0]!;
  const symbols = series.map((s) => s.symbol);
  const venueId = paperVenueId(plan.family);
  const capitalInQuote = plan.capital / config.replay.universeQuoteValue;
  const clock = new SimulatedClock(steps[0]!.ts);
  const venue = new PaperVenue({ id: venueId, session: options.sessionId, fees: PAPER_FEES, balances: { [quote]: capitalInQuote } });
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
