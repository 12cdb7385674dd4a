import type { Logger } from 'pino';
import type { JsonRpcProvider } from 'ethers';
import { SystemClock, type Clock } from '../../actors/runtime/clock.js';
import { pacedLoop } from '../../actors/runtime/paced-loop.js';
import { withRetries } from '../../actors/runtime/retry.js';
import { startChainScene } from '../../actors/venues/chain/chain-scene.js';
import type { SeedPool } from '../../actors/venues/chain/deploy-local.js';
import type { RelayBundleRecord, RelayFaultCounts, RelayFaults } from '../../actors/venues/chain/local-relay.js';
import type { ChainSettings } from '../../config/sections/chain.js';
import type { ChainWorldEntry } from './chain-entry.js';

export interface ChainWorldOptions {
  /** The paper session's chain settings (config paper.chain): block pace and the simulated trader. */
  settings: ChainSettings;
  seeds?: SeedPool[];
  logger?: Logger;
  clock?: Clock;
}

/** What the hosted chain saw: every bundle its relay accepted, and how many transactions the executor got mined. */
export interface ChainRecords {
  head: number;
  bundles: RelayBundleRecord[];
  /** The executor's nonce at `head`: its transactions mined, through the relay or not. */
  executorTxs: number;
  executor: string;
}

export interface ChainWorld {
  /** What a paper session needs to attach (the world file's `chain`). */
  world: ChainWorldEntry;
  faults: RelayFaults;
  counts: Readonly<RelayFaultCounts>;
  records(): Promise<ChainRecords>;
  /** Stops building blocks, then the relay and anvil. */
  close(): Promise<void>;
}

/**
 * The flash_loans family's chain hosted outside the bot (arbiter chaos): anvil with the DEXes deployed, the relay in
 * front of it, the simulated trader, and a block built every `settings.blockMs` on the wall clock whether or not a
 * bot is attached. Its records outlive any bot process, for comparing with the bot's journal (chainVerdict).
 */
export async function hostChainWorld(options: ChainWorldOptions): Promise<ChainWorld> {
  const { settings } = options;
  const scene = await startChainScene(settings, options.seeds);
  const { chain, relay } = scene;
  const clock = options.clock ?? new SystemClock();
  const loop = pacedLoop(clock, settings.blockMs, async () => void (await scene.buildBlock(true)), (err) => options.logger?.warn({ err: (err as Error).message.split('\n')[0] }, 'world: building a block failed'));
  loop.start();
  const world: ChainWorldEntry = {
    rpcUrl: chain.anvil.url,
    relayUrl: relay.url,
    chainId: 31337,
    blockMs: settings.blockMs,
    executorKey: chain.keys.executor.privateKey,
    ownerAddress: chain.keys.owner.address,
    deployment: chain.deployment,
  };
  return {
    world,
    faults: relay.faults,
    counts: relay.counts,
    async records() {
      const { head, executorTxs } = await executorTxsAtHead(chain.provider, chain.keys.executor.address);
      return { head, bundles: relay.received.map((b) => ({ ...b, txHashes: [...b.txHashes] })), executorTxs, executor: chain.keys.executor.address };
    },
    async close() {
      await loop.stop();
      await scene.stop();
    },
  };
}

/**
 * The head and the executor's transaction count at it. Anvil can answer a block number while that block is still
 * being mined and then refuse a query at it ("BlockOutOfRangeError"): the pair is read again, a few times.
 */
function executorTxsAtHead(provider: JsonRpcProvider, executor: string): Promise<{ head: number; executorTxs: number }> {
  return withRetries(
    async () => {
      const head = await provider.getBlockNumber();
      return { head, executorTxs: await provider.getTransactionCount(executor, head) };
    },
    { retries: 4, backoff: { minMs: 50, maxMs: 200, jitter: 0 } },
    { retryable: (err) => String((err as Error).message).includes('BlockOutOfRange'), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
  );
}
