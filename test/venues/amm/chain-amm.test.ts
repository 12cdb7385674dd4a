import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readPoolEvents, type PoolEvent } from '../../../actors/amm/v3/pool-events.js';
import { startChainAmm, type ChainAmm } from '../../../actors/venues/amm/chain-amm.js';
import { LP_GAS } from '../../../actors/venues/amm/lp-gas.js';
import type { MarketStep } from '../../../actors/venues/amm/lp-venue.js';
import { InputError } from '../../../actors/runtime/errors.js';

const FILES = ['data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv', 'data/dex/uniswap_v3_usdc_weth_3000_0x8ad5_2024-01-05_events.csv'];
const FEES = [500, 3000];
const GAS_PRICE_GWEI = 20;

/** The recorded swaps of each pool but its first (the chain pool starts at that one's after-price), by block. */
const recorded = new Map<number, { fee: number; event: PoolEvent }[]>();
for (const [i, file] of FILES.entries()) {
  for (const event of readPoolEvents(file).filter((e) => e.kind === 'SWAP').slice(1)) {
    const list = recorded.get(event.blockNumber) ?? [];
    list.push({ fee: FEES[i]!, event });
    recorded.set(event.blockNumber, list);
  }
}

let amm: ChainAmm;
before(async () => {
  amm = await startChainAmm(FILES, { gasPriceGwei: GAS_PRICE_GWEI });
});
after(async () => {
  await amm?.close();
});

async function step(): Promise<MarketStep> {
  const s = await amm.market.next();
  assert.ok(s, 'a recorded block to step');
  return s;
}

/** The step's pools are at the recorded after-price of each pool's last recorded swap in that block. */
function assertTracks(s: MarketStep): void {
  for (const fee of FEES) {
    const last = (recorded.get(s.block) ?? []).filter((r) => r.fee === fee).at(-1);
    if (last === undefined) continue;
    const pool = s.pools.find((p) => p.fee === fee)!;
    assert.equal(pool.sqrtPriceX96, last.event.sqrtPriceX96, `${fee} pool after block ${s.block}`);
  }
}

test('the chain pools follow the recorded prices block by block, and the swaps move about the recorded volume', async () => {
  const start = amm.venue.pool(500);
  assert.equal(start.sqrtPriceX96, 1662995104975155420368771254341874n, 'the 0.05% pool starts at its first recorded swap');
  assert.equal(amm.venue.pool(500).liquidity, 12453647101533358277n, 'seeded with the recorded active liquidity');
  assert.equal(amm.venue.pool(3000).liquidity, 5876290753422535546n);
  const total = amm.market.progress().total;
  assert.ok(total > 1000, `${total} recorded blocks`);

  let seenUsd = 0;
  let recordedUsd = 0;
  let swaps = 0;
  const started = performance.now();
  for (let i = 0; i < 30; i++) {
    const s = await step();
    assertTracks(s);
    seenUsd += s.swaps.reduce((sum, w) => sum + w.volumeUsd, 0);
    recordedUsd += (recorded.get(s.block) ?? []).reduce((sum, r) => sum + Math.abs(Number(r.event.amount0)) / 1e6, 0);
    swaps += s.swaps.length;
    for (const w of s.swaps) {
      assert.ok(w.priceUsd > 2000 && w.priceUsd < 2600, `price ${w.priceUsd}`);
      assert.ok(w.liquidityUsd > 1e6, `liquidity ${w.liquidityUsd}`);
      assert.equal(w.ts, s.ts);
    }
  }
  const ms = (performance.now() - started) / 30;
  assert.deepEqual(amm.market.progress(), { done: 30, total });
  console.log(`30 recorded blocks, ${swaps} swaps on chain: ${ms.toFixed(1)} ms per block; volume on chain $${seenUsd.toFixed(0)}, recorded $${recordedUsd.toFixed(0)} (ratio ${(seenUsd / recordedUsd).toFixed(3)})`);
  assert.ok(swaps > 30, `${swaps} swaps`);
  assert.ok(seenUsd > recordedUsd / 3 && seenUsd < recordedUsd * 3, `on chain $${seenUsd} vs recorded $${recordedUsd}`);
});

test('a position minted, held while the recorded swaps cross it, marked and burned: principal back, fees earned, gas as LP_GAS says', async () => {
  const pool = amm.venue.pool(500);
  const center = Math.floor(pool.tick / 10) * 10;
  const minted = await amm.venue.mint({ fee: 500, tickLower: center - 50, tickUpper: center + 60, depositUsd: 100_000 });
  assert.deepEqual(amm.venue.open(), [minted.positionId]);
  assert.ok(Math.abs(minted.depositedUsd - 100_000) < 1, `deposited $${minted.depositedUsd}`);
  assert.ok(minted.amount0 > 0n && minted.amount1 > 0n, 'in range: both tokens');
  assert.equal(amm.venue.pool(500).liquidity, pool.liquidity + minted.liquidity, 'the pool has our liquidity active');
  assert.ok(Math.abs(minted.gasUsd - (Number(minted.gasUsed) * GAS_PRICE_GWEI * 1e-9 * pool.priceUsd)) < 1e-9);

  let inRange = 0;
  for (let i = 0; i < 20; i++) {
    const s = await step();
    assertTracks(s);
    const tick = s.pools.find((p) => p.fee === 500)!.tick;
    if (s.swaps.some((w) => w.fee === 500) && tick >= minted.tickLower && tick < minted.tickUpper) inRange++;
  }
  const mark = await amm.venue.mark(minted.positionId);
  const burned = await amm.venue.burn(minted.positionId);
  const move = Math.abs(amm.venue.pool(500).priceUsd / pool.priceUsd - 1);
  console.log(`mint gas ${minted.gasUsed}, burn gas ${burned.gasUsed}; deposited $${minted.depositedUsd.toFixed(2)}, withdrawn $${burned.withdrawnUsd.toFixed(2)} + fees $${burned.feesUsd.toFixed(2)} (marked $${mark.valueUsd.toFixed(2)}), price moved ${(move * 100).toFixed(3)}%, ${inRange} blocks in range`);

  assert.ok(inRange > 0, 'some swaps traded inside the range');
  assert.ok(burned.fees0 > 0n || burned.fees1 > 0n, 'fees earned');
  assert.ok(burned.feesUsd > 0);
  assert.ok(Math.abs(burned.withdrawnUsd - minted.depositedUsd) <= minted.depositedUsd * (move + 1e-4), `withdrawn $${burned.withdrawnUsd} vs deposited $${minted.depositedUsd}`);
  const total = burned.withdrawnUsd + burned.feesUsd;
  assert.ok(Math.abs(mark.valueUsd - total) < total * 0.01, `mark $${mark.valueUsd} vs burn $${total}`);
  assert.ok(Math.abs(mark.feesUsd - burned.feesUsd) <= burned.feesUsd * 0.01 + 1e-6, `mark fees $${mark.feesUsd} vs $${burned.feesUsd}`);
  for (const [what, gas, expected] of [['mint', minted.gasUsed, LP_GAS.mint], ['burn', burned.gasUsed, LP_GAS.burn]] as const) {
    assert.ok(Math.abs(Number(gas) / Number(expected) - 1) <= 0.15, `${what} gas ${gas} vs LP_GAS ${expected}`);
  }
  assert.deepEqual(amm.venue.open(), []);
  assert.equal(amm.venue.pool(500).liquidity, (await amm.market.next())!.pools.find((p) => p.fee === 500)!.liquidity, 'state re-read after the burn');
});

test('bad requests throw before anything is sent', async () => {
  await assert.rejects(amm.venue.mint({ fee: 500, tickLower: 199_005, tickUpper: 199_100, depositUsd: 1000 }), RangeError);
  await assert.rejects(amm.venue.mint({ fee: 3000, tickLower: 199_010, tickUpper: 199_080, depositUsd: 1000 }), RangeError);
  await assert.rejects(amm.venue.mint({ fee: 500, tickLower: 199_100, tickUpper: 199_100, depositUsd: 1000 }), RangeError);
  await assert.rejects(amm.venue.mint({ fee: 500, tickLower: 199_100, tickUpper: 199_000, depositUsd: 1000 }), RangeError);
  await assert.rejects(amm.venue.mint({ fee: 100, tickLower: 199_000, tickUpper: 199_100, depositUsd: 1000 }), RangeError);
  await assert.rejects(amm.venue.mint({ fee: 500, tickLower: 199_000, tickUpper: 199_100, depositUsd: 0 }), RangeError);
  await assert.rejects(amm.venue.burn('999'), RangeError);
  await assert.rejects(amm.venue.mark('999'), RangeError);
  await assert.rejects(startChainAmm(['data/dex/uniswap_v3_usdc_weth_2024-01-05_events.csv'], { gasPriceGwei: 1 }), (err: unknown) => err instanceof InputError && /uniswap_v3_usdc_weth_2024-01-05_events\.csv/.test(err.message));
});

test('close() stops the chain', async () => {
  const { url } = amm;
  await amm.close();
  amm = undefined as unknown as ChainAmm;
  await assert.rejects(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' }));
});
