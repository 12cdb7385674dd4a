import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFlashStack, type FlashStack } from '../../../actors/venues/chain/flash-scenario.js';
import { SimulatedTrader, type TraderSettings } from '../../../actors/venues/chain/simulated-trader.js';
import type { Pool } from '../../../actors/strategies/flash-loan/pool.js';

let stack: FlashStack;
before(async () => {
  stack = await startFlashStack();
});
after(async () => stack?.stop());

const trader = (settings: TraderSettings) => new SimulatedTrader(stack.chain.provider, stack.relay, stack.chain.keys.trader, stack.chain.deployment, settings);

async function blocks(t: SimulatedTrader, n: number): Promise<boolean[]> {
  const stepped: boolean[] = [];
  for (let i = 0; i < n; i++) {
    stepped.push(await t.step());
    await stack.relay.buildBlock();
    await t.afterBlock();
  }
  return stepped;
}

const reserves = (pools: Pool[]) => pools.map((p) => `${p.reserve0}/${p.reserve1}`);
/** WETH per other token on each pool. */
const prices = (pools: Pool[]) => pools.map((p) => (p.token0 === stack.executor.weth ? Number(p.reserve0) / Number(p.reserve1) : Number(p.reserve1) / Number(p.reserve0)));

test('the trader swaps through the public mempool, moves the pools apart, and replays the same swaps from the same seed', async () => {
  const funder = trader({ swapChance: 0, minSwapFraction: 0, maxSwapFraction: 0, seed: 1 });
  await funder.fund(stack.chain.keys.liquidity);
  assert.deepEqual(await blocks(funder, 3), [false, false, false], 'chance 0: never');

  const snapshot = await stack.chain.provider.send('evm_snapshot', []);
  const seeded = await stack.follower.read();
  const settings = { swapChance: 1, minSwapFraction: 0.01, maxSwapFraction: 0.02, seed: 9 };
  const first = trader(settings);
  await blocks(first, 6);
  assert.equal(first.swaps, 6);
  assert.equal(first.failed, 0);
  const moved = await stack.follower.read();
  const before = prices(seeded);
  const changes = prices(moved).map((p, i) => Math.abs(p / before[i]! - 1));
  assert.ok(changes.some((c) => c > 0.01), `some pool moved by more than 1%: ${changes.join(', ')}`);
  // The gap between a token's two DEXes (pools are listed uniswap, sushiswap per token) changed for some token.
  const gaps = (p: number[]) => [p[0]! / p[1]!, p[2]! / p[3]!];
  const gapMoves = gaps(prices(moved)).map((g, i) => Math.abs(g / gaps(before)[i]! - 1));
  assert.ok(gapMoves.some((m) => m > 0.01), `the DEXes drifted apart or together: ${gapMoves.join(', ')}`);

  await stack.chain.provider.send('evm_revert', [snapshot]);
  const again = trader(settings);
  await blocks(again, 6);
  assert.deepEqual(reserves(await stack.follower.read()), reserves(moved), 'same seed, same swaps');
});
