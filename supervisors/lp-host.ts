import type { Logger } from 'pino';
import type { Store } from '../actors/ledger/storage/store.js';
import type { EffectHandler } from '../actors/runtime/actor-spec.js';
import { SystemClock } from '../actors/runtime/clock.js';
import type { ActorSystem } from '../actors/runtime/system.js';
import { AmmObserver } from '../actors/market-data/amm/amm-observer.js';
import { AmmFeed } from '../actors/venues/amm/amm-feed.js';
import { lpEffects } from '../actors/venues/amm/lp-effects.js';
import { LpTally, type LpSummary } from '../actors/venues/amm/lp-tally.js';
import type { ChainAmm } from '../actors/venues/amm/chain-amm.js';
import type { MarketStep } from '../actors/venues/amm/lp-venue.js';

/** The paper session's LP venue: `chain:` so that execution leaves its approvals to the strategy's effects. */
export const LOCAL_LP_VENUE = 'chain:amm';

export interface LpHostSummary extends LpSummary {
  venue: string;
  /** Recorded blocks sent to the chain, of the day's. */
  blocks: { done: number; total: number };
  /** Recorded time the chain has reached, ISO. */
  recordedAt: string | null;
  gasPriceGwei: number;
  /** Dollars swapped on the chain's pools, beside what the recorded swaps sent there moved (the seed's liquidity is not the real tick map). */
  volume: { chainUsd: number; recordedUsd: number };
}

export interface LpHost {
  venueId: string;
  effectsFor(strategy: string): Record<string, EffectHandler>;
  /** The trading system the LP strategies live in: the feed publishes to it. */
  attach(system: ActorSystem, strategies: readonly string[]): void;
  /** Sends a recorded block to the chain every `blockMs`, until the day ends or the stop. */
  start(): void;
  /** Stops the blocks and tells the strategies to withdraw; false if one had not withdrawn within maxWaitMs. */
  quiesce(maxWaitMs: number): Promise<boolean>;
  summary(): LpHostSummary;
  close(): Promise<void>;
}

export interface LpHostOptions {
  settings: { readonly events: readonly string[]; readonly gasPriceGwei: number; readonly blockMs: number };
  logger: Logger;
  store?: Store;
  sessionId?: string;
}

/**
 * LP strategies' venue in a paper session, hosted in their family's trading system (one risk actor for the family):
 * a fresh anvil with the real Uniswap V3 contracts and the recorded swaps sent to them on the wall clock
 * (actors/venues/amm/chain-amm.ts), the feed that turns each block into books and `amm.observed`, and the tally.
 */
export async function startLpHost(options: LpHostOptions): Promise<LpHost> {
  const { settings, logger } = options;
  const log = logger.child({ venue: LOCAL_LP_VENUE });
  // Loaded only when a session provides liquidity: ethers and anvil stay out of the others.
  const { startChainAmm } = await import('../actors/venues/amm/chain-amm.js');
  const amm: ChainAmm = await startChainAmm(settings.events, { gasPriceGwei: settings.gasPriceGwei, id: LOCAL_LP_VENUE, logger: log });
  const tally = new LpTally(amm.venue);
  const wall = new SystemClock();
  let feed: AmmFeed | undefined;
  let system: ActorSystem | undefined;
  let names: readonly string[] = [];
  let ticking = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<MarketStep | undefined | null> | undefined;
  let recordedTs: number | undefined;

  const loop = async () => {
    const began = wall.now();
    running = feed!.step().catch((err: unknown) => {
      log.warn({ err: (err as Error).message.split('\n')[0] }, 'sending a recorded block to the chain failed');
      return null;
    });
    const step = await running;
    running = undefined;
    if (step) recordedTs = step.ts;
    if (step === undefined) ticking = false;
    if (ticking) timer = setTimeout(() => void loop(), Math.max(0, settings.blockMs - (wall.now() - began)));
  };
  const stopped = () => names.every((n) => (system?.actor(`strategy:${n}`)?.snapshot() as { value?: unknown } | undefined)?.value === 'stopped');

  return {
    venueId: LOCAL_LP_VENUE,
    effectsFor: (strategy) => lpEffects(amm.venue, { strategy, store: options.store, session: options.sessionId, tally }),
    attach(into, strategies) {
      system = into;
      names = strategies;
      feed = new AmmFeed({ market: amm.market, venue: amm.venue, observer: new AmmObserver({ venue: LOCAL_LP_VENUE, fees: amm.venue.fees, gasPriceGwei: settings.gasPriceGwei }), tally, system: into });
    },
    start() {
      if (ticking || !feed) return;
      ticking = true;
      void loop();
    },
    async quiesce(maxWaitMs) {
      ticking = false;
      clearTimeout(timer);
      await running;
      if (!system) return true;
      system.publish({ type: 'amm.withdraw', reason: 'session end' });
      const until = wall.now() + maxWaitMs;
      await system.whenQuiescent();
      while (!stopped()) {
        if (wall.now() > until) return false;
        await new Promise((r) => setTimeout(r, 20));
        await system.whenQuiescent();
      }
      return true;
    },
    summary: () => ({ venue: LOCAL_LP_VENUE, ...tally.summary(), blocks: amm.market.progress(), recordedAt: recordedTs === undefined ? null : new Date(recordedTs).toISOString(), gasPriceGwei: settings.gasPriceGwei, volume: amm.volume() }),
    async close() {
      ticking = false;
      clearTimeout(timer);
      await running;
      await amm.close();
    },
  };
}
