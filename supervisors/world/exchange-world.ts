import type { z } from 'zod';
import type { Clock } from '../../actors/runtime/clock.js';
import { hostLocalExchanges, type HostedExchanges } from '../../actors/venues/local-exchange/hosted-exchanges.js';
import type { paper } from '../../config/sections/paper.js';
import { ArbitrageWindows } from '../arbitrage-windows.js';

export interface ExchangeWorld {
  hosted: HostedExchanges;
  windows: ArbitrageWindows;
  /** Books move and windows open, as in a paper session that hosts its own exchanges. */
  start(): void;
  close(): Promise<void>;
}

/**
 * The paper session's two local exchanges hosted outside the bot (arbiter chaos): the same markets, accounts, fees,
 * book moves and windows as `paper.localExchanges` gives a session that hosts its own.
 */
export async function hostExchangeWorld(settings: z.output<typeof paper>['localExchanges'], clock: Clock): Promise<ExchangeWorld> {
  const hosted = await hostLocalExchanges(clock, undefined, settings.seed, settings.shockChance);
  for (const ex of Object.values(hosted.exchanges)) ex.state.takerFee = ex.state.makerFee = settings.fee;
  const windows = new ArbitrageWindows(hosted, settings.moveEveryMs, settings.windowSize, settings.seed);
  return {
    hosted,
    windows,
    start() {
      hosted.mover.start(settings.moveEveryMs);
      windows.start(settings.windowEveryMs);
    },
    async close() {
      windows.stop();
      await hosted.close();
    },
  };
}
