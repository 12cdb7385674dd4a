import { performance } from 'node:perf_hooks';
import { id } from 'ethers';
import { startFlashStack } from '../actors/venues/chain/flash-scenario.js';
import { UniswapV2Pair__factory } from '../contracts/generated/types/index.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function rpc(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return res.json();
}

/**
 * On a fresh local stack, repeatedly: the builder mines a block (t0), the executor reads the pools'
 * reserves in one batch, finds and sizes the best cycle, estimates gas, signs, and has the relay
 * simulate the bundle (eth_callBundle): t1, a simulated bundle ready to propose to risk. Nothing is
 * sent: sending needs a risk approval. State is rolled back between runs. The floor, in the same run: the bare round trips of that pipeline done with fetch and a
 * pre-signed bundle: one batched getReserves request + one eth_callBundle.
 */
export async function benchBlockToBundle(runs = 15): Promise<{ blockToBundleMs: number; blockToBundleFloorMs: number }> {
  const stack = await startFlashStack();
  try {
    const { chain, relay, executor } = stack;
    const base = await chain.provider.send('evm_snapshot', []);
    const real: number[] = [];
    const floor: number[] = [];
    const getReserves = UniswapV2Pair__factory.createInterface().encodeFunctionData('getReserves');
    for (let i = 0; i < runs + 2; i++) {
      const snapshot = i === 0 ? base : await chain.provider.send('evm_snapshot', []);
      const { number } = await relay.buildBlock();
      const t0 = performance.now();
      const outcome = await executor.evaluate(number);
      const t1 = performance.now();
      if (outcome.kind !== 'ready') throw new Error(`bench round did not produce a simulated bundle: ${outcome.kind}`);
      // floor: the same JSON-RPC work with nothing around it
      const batch = chain.deployment.pools.map((p, k) => ({ jsonrpc: '2.0', id: k, method: 'eth_call', params: [{ to: p.pair, data: getReserves }, `0x${number.toString(16)}`] }));
      const body = { jsonrpc: '2.0', id: 1, method: 'eth_callBundle', params: [{ txs: [outcome.bundle.signedTx], blockNumber: `0x${(number + 1).toString(16)}`, stateBlockNumber: 'latest' }] };
      const auth = chain.keys.flashbotsAuth;
      const header = `${auth.address}:${await auth.signMessage(id(JSON.stringify(body)))}`;
      const f0 = performance.now();
      await rpc(chain.anvil.url, batch);
      await rpc(relay.url, body, { 'X-Flashbots-Signature': header });
      const f1 = performance.now();
      await chain.provider.send('evm_revert', [snapshot]);
      if (i >= 2) {
        real.push(t1 - t0);
        floor.push(f1 - f0);
      }
    }
    return { blockToBundleMs: median(real), blockToBundleFloorMs: median(floor) };
  } finally {
    await stack.stop();
  }
}
