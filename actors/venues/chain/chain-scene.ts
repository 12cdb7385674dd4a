import type { BlockBuilt } from './local-relay.js';
import { startRelayedChain, type RelayedChain } from './flash-scenario.js';
import { SEED_POOLS, type SeedPool } from './deploy-local.js';
import { sessionPools } from './session-pools.js';
import { SimulatedTrader, type TraderSettings } from './simulated-trader.js';

/** The paper session's chain as a world: anvil, the deployed DEXes, the relay that builds blocks, a public trader. */
export interface ChainScene extends RelayedChain {
  trader: SimulatedTrader;
  /** One block: maybe a public swap first (when `swapping`), then the relay builds it and the trader counts what it mined. */
  buildBlock(swapping?: boolean): Promise<BlockBuilt>;
}

/** Starts the scene with its trader funded (default pools: the recorded ones, both DEXes at one price: sessionPools). */
export async function startChainScene(settings: TraderSettings, seeds: SeedPool[] = sessionPools(SEED_POOLS)): Promise<ChainScene> {
  const relayed = await startRelayedChain(seeds);
  try {
    const { chain, relay } = relayed;
    const trader = new SimulatedTrader(chain.provider, relay, chain.keys.trader, chain.deployment, settings);
    await trader.fund(chain.keys.liquidity);
    return {
      ...relayed,
      trader,
      async buildBlock(swapping = true) {
        if (swapping) await trader.step();
        const built = await relay.buildBlock();
        await trader.afterBlock();
        return built;
      },
    };
  } catch (err) {
    await relayed.stop();
    throw err;
  }
}
