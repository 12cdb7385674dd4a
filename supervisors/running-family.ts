import type { Venue } from '../actors/venues/venue.js';
import type { TradingSystem } from './boot.js';
import type { FamilyPlan } from './session-plan.js';
import type { StepTarget } from './cluster/strategy-link.js';
import { sessionCounters } from './session-counters.js';

/** One family's trading system as the paper session drives it, whatever it trades on. */
export interface RunningFamily {
  plan: FamilyPlan;
  trading: TradingSystem;
  /** Venues its execution calls, by id (start-up reconciliation settles their orders left by an earlier run). */
  venues: Record<string, Venue>;
  counters: ReturnType<typeof sessionCounters>;
  /** Capital plus P&L, quote currency, measured now. */
  equity(): number;
  /** Its host's own figures for the summary (the arbitrage windows, the chain's bundles). */
  details(): Record<string, unknown>;
  /** Replays its own recording (the universe family's markets, on its own clock) until it ends or `shouldStop`. */
  replay?(options: { speed: number; maxWallMs?: number; shouldStop: () => boolean }): Promise<void>;
  /** On a cluster strategy node: the universe family takes its steps from the venue node's link instead of replaying them. */
  steps?: StepTarget;
  /** Once every family is up and reconciled: start what moves its market on the wall clock (blocks, book moves). */
  start?(): void;
  /** Before the stop: no new opportunities, and whatever is in flight ends (at most maxWaitMs). False: something was still open. */
  quiesce?(maxWaitMs: number): Promise<boolean>;
  /** After the summary: stop its actors and whatever it started (servers, chains). */
  close(): Promise<void>;
}

export function runningFamily(plan: FamilyPlan, trading: TradingSystem, rest: Omit<RunningFamily, 'plan' | 'trading' | 'counters'>): RunningFamily {
  return { plan, trading, counters: sessionCounters(trading.system), ...rest };
}
