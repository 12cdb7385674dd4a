import { JsonRpcProvider, Network } from 'ethers';
import { startAnvil, type AnvilNode } from './anvil.js';
import { deployLocal, type LocalDeployment, type SeedPool } from './deploy-local.js';
import { localChainKeys, type ChainKeys } from './keys.js';

/** A fresh anvil with the whole scenario deployed. `stop()` ends everything this started. */
export interface LocalChain {
  anvil: AnvilNode;
  provider: JsonRpcProvider;
  keys: ChainKeys;
  deployment: LocalDeployment;
  stop(): Promise<void>;
}

export function localProvider(url: string, chainId = 31337): JsonRpcProvider {
  // Reads issued in the same tick go out as one JSON-RPC batch (the reserve follower relies on it).
  return new JsonRpcProvider(url, Network.from(chainId), { staticNetwork: true, batchStallTime: 0, batchMaxCount: 100, pollingInterval: 20, cacheTimeout: -1 });
}

export async function startLocalChain(seeds?: SeedPool[]): Promise<LocalChain> {
  // Deterministic block times (see AnvilOptions.blockTimestampInterval); the relay still sets each block it builds.
  const anvil = await startAnvil({ blockTimestampInterval: 1 });
  const provider = localProvider(anvil.url);
  try {
    const keys = localChainKeys();
    const deployment = await deployLocal(provider, keys, seeds);
    return {
      anvil,
      provider,
      keys,
      deployment,
      stop: async () => {
        provider.destroy();
        await anvil.stop();
      },
    };
  } catch (err) {
    provider.destroy();
    await anvil.stop();
    throw err;
  }
}
