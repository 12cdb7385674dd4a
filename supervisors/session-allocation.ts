import type { Config } from '../config/index.js';
import type { Store } from '../actors/ledger/storage/store.js';
import { SystemClock } from '../actors/runtime/clock.js';
import type { Logger } from 'pino';
import { AllocationBridge, type AllocationSummary } from './allocation-bridge.js';
import type { RunningFamily } from './running-family.js';

/**
 * The allocator over the families that trade, sampling their equity every `allocator.sampleEveryMs` of wall time
 * (the families run on different clocks; the wall is the one they share), from the start. `stop()` ends the sampling
 * before the families stop; `finish()`, once they stopped, journals their last equity and reports.
 */
export function allocate(config: Config, families: RunningFamily[], store: Store, options: { sessionId: string; logger: Logger }): { stop(): Promise<void>; finish(): Promise<AllocationSummary> } {
  const wall = new SystemClock();
  const bridge = new AllocationBridge({
    // The universe family's risk actor counts in the universe's quote currency: it keeps its static share.
    families: Object.fromEntries(families.filter((f) => f.plan.host !== 'universe').map((f) => [f.plan.family, { system: f.trading.system, capital: f.plan.capital, equity: () => f.equity() }])) as ConstructorParameters<typeof AllocationBridge>[0]['families'],
    totalCapital: config.capital,
    settings: config.allocator,
    store,
    session: options.sessionId,
    logger: options.logger,
  });
  let pending: Promise<void> = Promise.resolve();
  // Sampled even with the allocator off (it ignores the samples): the samples are the families' journaled equity curves.
  const sample = () => (pending = pending.then(() => bridge.sample(wall.now())));
  sample();
  const timer = setInterval(sample, config.allocator.sampleEveryMs);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
    },
    async finish() {
      bridge.mark(wall.now());
      const summary = bridge.summary();
      await bridge.shutdown();
      return summary;
    },
  };
}
