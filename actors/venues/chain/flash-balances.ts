import { WETH9__factory } from '../../../contracts/generated/types/index.js';
import type { ChainHandle } from './flash-scenario.js';

/** What a bundle changes: the owner's WETH (profit, less any builder payment) and the executor's ETH (gas). */
export interface FlashBalances {
  ownerWeth: bigint;
  executorEth: bigint;
}

export async function flashBalancesAt(chain: Pick<ChainHandle, 'provider' | 'deployment' | 'keys'>, block: number): Promise<FlashBalances> {
  const weth = WETH9__factory.connect(chain.deployment.weth, chain.provider);
  const [ownerWeth, executorEth] = await Promise.all([weth.balanceOf(chain.keys.owner.address, { blockTag: block }), chain.provider.getBalance(chain.keys.executor.address, block)]);
  return { ownerWeth, executorEth };
}

/** Realized net between two readings, as runFlashRound measures it: the owner's WETH gain less the executor's gas. */
export function realizedBetween(before: FlashBalances, after: FlashBalances): bigint {
  return after.ownerWeth - before.ownerWeth - (before.executorEth - after.executorEth);
}
