import { benchEvaluate } from './dex-evaluate.js';
import { benchBlockToBundle } from './dex-block-to-bundle.js';

/**
 * dex.evaluate10kMs: 10,000 pool pairs (real Uniswap V2 snapshot) evaluated with exact bigint math and
 * optimal sizing; floor = the same loop computing the same closed form in float64.
 * dex.blockToBundleMs: new block on the local anvil → reserves read (one batch) → evaluated → signed →
 * eth_callBundle answered by the local relay; floor = the same two JSON-RPC round trips made with bare fetch.
 */
export async function benchDex(): Promise<Record<string, number>> {
  const evaluate = benchEvaluate();
  const chain = await benchBlockToBundle();
  return {
    evaluate10kMs: round(evaluate.evaluate10kMs),
    evaluate10kFloorMs: round(evaluate.evaluate10kFloorMs),
    blockToBundleMs: round(chain.blockToBundleMs),
    blockToBundleFloorMs: round(chain.blockToBundleFloorMs),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
