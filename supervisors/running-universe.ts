import type { Config } from '../config/index.js';
import type { Logger } from 'pino';
import type { Store } from '../actors/ledger/storage/store.js';
import type { InspectObserver } from '../actors/runtime/actor-spec.js';
import type { Venue } from '../actors/venues/venue.js';
import { QuantumRebalanceJournal } from '../actors/ledger/storage/quantum-rebalance-journal.js';
import { replaySteps } from '../actors/market-data/replay/step-replay.js';
import { compareChoices } from '../actors/strategies/quantum-portfolio/compare-choices.js';
import { ledgerEquity } from './ledger-equity.js';
import { PAPER_FEES } from './paper-family-system.js';
import { runningFamily, type RunningFamily } from './running-family.js';
import type { FamilyPlan } from './session-plan.js';
import { startUniverseFamily } from './universe-family.js';

/**
 * The universe family as the paper session drives it: its own step replay, its equity counted back into the capital's
 * currency at `replay.universeQuoteValue`, and its summary details: the quote currency's figures and each rebalance's
 * choices, read from the journal. On a cluster strategy node (`venue`: its account at the venue node) the venue node
 * replays the steps and matches them: the family takes them from the link (`steps`) instead of replaying itself.
 */
export function runningUniverseFamily(plan: FamilyPlan, o: { config: Config; logger: Logger; store: Store; sessionId: string; inspect?: InspectObserver; venue?: Venue }): RunningFamily {
  const f = startUniverseFamily({ config: o.config, logger: o.logger, store: o.store, plan, sessionId: o.sessionId, inspect: o.inspect, venue: o.venue });
  const quoteValue = o.config.replay.universeQuoteValue;
  const rebalances = new QuantumRebalanceJournal(o.store.runtimeDb);
  const closes = new Map<string, number>();
  f.system.observe((m) => {
    if (m.type === 'candles.closed') for (const { symbol, candle } of m.bars) closes.set(symbol, candle.close);
  });
  let steps = 0;
  const pnlInQuote = () => ledgerEquity(f.system, f.capitalInQuote) - f.capitalInQuote;
  return runningFamily(plan, f, {
    venues: { [f.venue.id]: f.venue },
    equity: () => f.capital + pnlInQuote() * quoteValue,
    details: () => {
      const choices = compareChoices(rebalances.list(o.sessionId), f.symbols.map((s) => closes.get(s) ?? NaN), f.capitalInQuote, PAPER_FEES.taker);
      return {
        venue: f.venue.id,
        symbols: f.symbols,
        steps,
        quote: { currency: f.quote, value: quoteValue, capital: f.capitalInQuote, pnl: pnlInQuote() },
        ...(choices ? { choices } : {}),
      };
    },
    ...(o.venue
      ? { steps: { system: f.system, venue: f.venue, clock: f.clock, onStep: () => (steps += 1) } }
      : {
          replay: async (r: { speed: number; maxWallMs?: number; shouldStop: () => boolean }) => {
            steps = (await replaySteps({ system: f.system, venue: f.venue.id, clock: f.clock, steps: f.steps, timeframeMs: f.timeframeMs, ...r })).steps;
          },
        }),
    close: () => f.system.shutdown(),
  });
}
