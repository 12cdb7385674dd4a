import type { JsonRpcProvider } from 'ethers';

/** Median priority fee paid in the last `blocks` blocks (eth_feeHistory, 50th percentile), at least `floorWei`. */
export async function recentPriorityFee(provider: JsonRpcProvider, floorWei: bigint, blocks = 5): Promise<bigint> {
  const history = (await provider.send('eth_feeHistory', [`0x${blocks.toString(16)}`, 'latest', [50]])) as { reward?: string[][] };
  const rewards = (history.reward ?? []).map((r) => BigInt(r[0] ?? '0x0')).filter((r) => r > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const median = rewards.length > 0 ? rewards[Math.floor(rewards.length / 2)]! : 0n;
  return median > floorWei ? median : floorWei;
}
