import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startLocalChain, type LocalChain } from '../../../actors/venues/chain/local-chain.js';
import { ReserveFollower } from '../../../actors/venues/chain/reserve-follower.js';
import { SEED_POOLS } from '../../../actors/venues/chain/deploy-local.js';

let chain: LocalChain;
before(async () => {
  chain = await startLocalChain();
});
after(async () => chain?.stop());

test('reserves of every configured pool are read in one JSON-RPC batch and match the seeded real reserves', async () => {
  const follower = new ReserveFollower(chain.provider, chain.deployment.pools.map((p) => ({ dex: p.dex, pair: p.pair })));
  await follower.init();
  const payloads: unknown[] = [];
  const listener = (e: { action: string; payload?: unknown }) => {
    if (e.action === 'sendRpcPayload') payloads.push(e.payload);
  };
  await chain.provider.on('debug', listener);
  const pools = await follower.read();
  await chain.provider.off('debug', listener);
  assert.equal(payloads.length, 1, 'one request');
  assert.ok(Array.isArray(payloads[0]) && (payloads[0] as unknown[]).length === chain.deployment.pools.length);
  const weth = chain.deployment.weth.toLowerCase();
  for (const pool of pools) {
    const deployed = chain.deployment.pools.find((p) => p.pair === pool.pair)!;
    const seed = SEED_POOLS.find((s) => s.symbol === deployed.symbol)!;
    const [tokenReserve, wethReserve] = seed[deployed.dex];
    const wethIs0 = pool.token0 === weth;
    assert.equal(wethIs0 ? pool.reserve0 : pool.reserve1, wethReserve);
    assert.equal(wethIs0 ? pool.reserve1 : pool.reserve0, tokenReserve);
  }
});
