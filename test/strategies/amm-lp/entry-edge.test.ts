import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryEdge } from '../../../actors/strategies/amm-lp/entry-edge.js';
import { lpSymbol, rangeAround } from '../../../actors/strategies/amm-lp/lp-terms.js';

const close = (actual: number, expected: number, rel = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${actual} vs ${expected}`);

/** USDC/WETH (token0 USDC, 6 decimals; token1 WETH, 18): dollars per ETH at a tick. */
const usdAt = (tick: number) => 1e12 / 1.0001 ** tick;

/** The edge by hand, from the closed forms: L from the deposit, ours = 2L√p, horizon w²/σ² capped at a day. */
function byHand(deposit: number, fee: number, tickLower: number, tickUpper: number, p: number, volPerSec: number, poolUsd: number, sigma: number, gas: number) {
  const sa = Math.sqrt(usdAt(tickUpper));
  const sb = Math.sqrt(usdAt(tickLower));
  const valuePerL = (1 / Math.sqrt(p) - 1 / sb) * p + (Math.sqrt(p) - sa);
  const L = deposit / valuePerL;
  const ours = 2 * L * Math.sqrt(p);
  const share = ours / (ours + poolUsd);
  const w = ((tickUpper - tickLower) / 2) * Math.log(1.0001);
  const horizon = Math.min(86_400, (w * w) / (sigma * sigma));
  const fees = (fee / 1e6) * volPerSec * share * horizon;
  const lvr = ((sigma * sigma * L * Math.sqrt(p)) / 4) * horizon;
  return { horizon, share, fees, lvr, profit: (fees - lvr - gas) / deposit };
}

test('entryEdge: horizon, share, fees, LVR and expected profit as computed by hand', () => {
  const inputs = { depositUsd: 9_000, fee: 500, tickLower: 198_850, tickUpper: 199_250, priceUsd: 2_270, volumePerSecUsd: 3_000, liquidityUsd: 1.5e8, sigma: 1e-4, roundTripGasUsd: 39 };
  const e = entryEdge(inputs);
  const h = byHand(9_000, 500, 198_850, 199_250, 2_270, 3_000, 1.5e8, 1e-4, 39);
  // 200 ticks of half-width: w = 200·ln 1.0001 ≈ 0.0199990, so w²/σ² ≈ 39,996 s
  close(e.horizonSec, 39_996.000366, 1e-8);
  close(e.horizonSec, h.horizon);
  close(e.share, h.share, 1e-7);
  close(e.feesUsd, h.fees, 1e-7);
  close(e.lvrUsd, h.lvr, 1e-7);
  assert.equal(e.gasUsd, 39);
  close(e.expectedProfit, h.profit, 1e-7);
  // the numbers themselves, so a change of either formula shows: ~0.6% of the pool, $360 of fees, $45 of LVR
  close(e.share, 0.005994, 1e-3);
  close(e.feesUsd, 359.62, 1e-4);
  close(e.lvrUsd, 45.22, 1e-3);
  close(e.expectedProfit, (e.feesUsd - e.lvrUsd - 39) / 9_000, 1e-12);

  // calm markets are capped at a day; no volatility at all is a day with no LVR
  const calm = entryEdge({ ...inputs, sigma: 1e-5 });
  assert.equal(calm.horizonSec, 86_400);
  close(calm.feesUsd, 0.0005 * 3_000 * calm.share * 86_400);
  const still = entryEdge({ ...inputs, sigma: 0 });
  assert.equal(still.horizonSec, 86_400);
  assert.equal(still.lvrUsd, 0);
  // a wider range stays longer but holds a smaller share of the pool per dollar
  const narrow = entryEdge({ ...inputs, sigma: 3e-4 });
  const wide = entryEdge({ ...inputs, sigma: 3e-4, tickLower: 198_450, tickUpper: 199_650 });
  close(wide.horizonSec, 9 * narrow.horizonSec, 1e-9);
  assert.ok(wide.share < narrow.share / 2.5, `${wide.share} vs ${narrow.share}`);
});

test('entryEdge: a tiny deposit cannot pay its gas, a large one can', () => {
  const base = { fee: 500, tickLower: 198_850, tickUpper: 199_250, priceUsd: 2_270, volumePerSecUsd: 3_000, liquidityUsd: 1.5e8, sigma: 1e-4, roundTripGasUsd: 39 };
  const tiny = entryEdge({ ...base, depositUsd: 100 });
  assert.ok(tiny.expectedProfit < -0.3, `${tiny.expectedProfit}`);
  close(tiny.expectedProfit, (tiny.feesUsd - tiny.lvrUsd - 39) / 100, 1e-12);
  const large = entryEdge({ ...base, depositUsd: 100_000 });
  assert.ok(large.expectedProfit > 0.01, `${large.expectedProfit}`);
  // fees grow less than linearly with the deposit (its own share dilutes the pool); LVR grows linearly
  close(large.lvrUsd / tiny.lvrUsd, 1_000, 1e-9);
  assert.ok(large.feesUsd / tiny.feesUsd < 1_000);
});

test('rangeAround: half-width rounded up to the spacing, centred on the nearest spacing multiple', () => {
  assert.deepEqual(rangeAround(199_045, 10, 200), { tickLower: 198_850, tickUpper: 199_250 });
  assert.deepEqual(rangeAround(199_044, 10, 200), { tickLower: 198_840, tickUpper: 199_240 });
  // 200 ticks on a 60 spacing is 240; 199045/60 = 3317.4 → 199020
  assert.deepEqual(rangeAround(199_045, 60, 200), { tickLower: 198_780, tickUpper: 199_260 });
  assert.deepEqual(rangeAround(199_050, 60, 180), { tickLower: 198_900, tickUpper: 199_260 });
  assert.deepEqual(rangeAround(199_045, 1, 7), { tickLower: 199_038, tickUpper: 199_052 });
  // negative ticks: -201,035 / 10 = -20,103.5 → -20,103 (Math.round rounds half up), -201,044 → -201,040
  assert.deepEqual(rangeAround(-201_035, 10, 200), { tickLower: -201_230, tickUpper: -200_830 });
  assert.deepEqual(rangeAround(-201_044, 10, 200), { tickLower: -201_240, tickUpper: -200_840 });
  assert.deepEqual(rangeAround(-91, 60, 61), { tickLower: -240, tickUpper: 0 });
  for (const [tick, spacing, half] of [[199_045, 10, 200], [-77_777, 60, 333], [5, 200, 1]] as const) {
    const r = rangeAround(tick, spacing, half);
    assert.ok(r.tickLower % spacing === 0 && r.tickUpper % spacing === 0, `${r.tickLower}, ${r.tickUpper}`);
    assert.ok(r.tickUpper - r.tickLower >= 2 * half && r.tickUpper - r.tickLower < 2 * (half + spacing));
    assert.ok(r.tickLower <= tick && tick <= r.tickUpper);
  }
});

test('lpSymbol names one instrument per fee tier', () => {
  assert.equal(lpSymbol(500), 'LP500-WETH-USDC/USDC');
  assert.equal(lpSymbol(3000), 'LP3000-WETH-USDC/USDC');
  assert.notEqual(lpSymbol(100), lpSymbol(10_000));
});
