import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeeAdvisor } from '../../../actors/amm/economics/fee-advisor.js';
import { batchWindowStats, type AdvisorSwap } from '../../../actors/amm/economics/window-stats.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { seededRandom } from '../../../actors/runtime/random.js';

/** One swap per 12 s block for two hours: GBM at `annualVol`, `volumePerDay` USD spread evenly, fixed liquidity. */
function regime(annualVol: number, volumePerDay: number, liquidityUsd = 1e8, seed = 5): AdvisorSwap[] {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const sigma = annualVol / Math.sqrt(365 * 86_400);
  let price = 2000;
  return Array.from({ length: 600 }, (_, i) => {
    price *= Math.exp(sigma * Math.sqrt(12) * normal());
    return { ts: 1_704_412_800_000 + i * 12_000, price, volumeUsd: volumePerDay / 7200, liquidityUsd };
  });
}

const advise = (swaps: readonly AdvisorSwap[], config: object = {}) => {
  const advisor = new FeeAdvisor(config);
  for (const s of swaps) advisor.update(s);
  return advisor.recommend();
};

test('constant price: zero volatility, the model fee at its floor f_ref/ε, the lowest tier with elastic flow', () => {
  const r = advise(regime(0, 5e7));
  assert.equal(r.window.sigmaPerSqrtSec, 0);
  assert.ok(Math.abs(r.modelFee.fee - 0.0005 / 2) < 1e-9, `model fee ${r.modelFee.fee}`);
  assert.equal(r.modelFeePips, 250);
  assert.equal(r.modelFee.arbitrageLossPerSecUsd, 0);
  // The seed gives base_fee · utilisation: 0.003 · (5e7 / 1e8 per day).
  assert.ok(Math.abs(r.seedFormulaFee - 0.003 * 0.5) < 1e-12, `seed ${r.seedFormulaFee}`);
  assert.equal(advise(regime(0, 5e7), { elasticity: 10 }).tierChoice.fee, 0.0001);
  assert.equal(r.recommended, 'model');
});

test('a high-volatility regime gets a higher fee than a calm one, from both formulas; the estimate tracks the true σ', () => {
  const calm = advise(regime(0.3, 5e7));
  const wild = advise(regime(0.9, 5e7));
  assert.ok(Math.abs(calm.window.sigmaAnnual / 0.3 - 1) < 0.15, `calm σ ${calm.window.sigmaAnnual}`);
  assert.ok(Math.abs(wild.window.sigmaAnnual / 0.9 - 1) < 0.15, `wild σ ${wild.window.sigmaAnnual}`);
  assert.ok(wild.modelFee.fee > calm.modelFee.fee, `model: calm ${calm.modelFee.fee}, wild ${wild.modelFee.fee}`);
  assert.ok(wild.seedFormulaFee > calm.seedFormulaFee);
  assert.ok(wild.tierChoice.fee >= calm.tierChoice.fee);
  const storm = advise(regime(3, 5e7));
  assert.equal(storm.tierChoice.fee, 0.01);
  assert.equal(storm.modelFeePips, 10_000);
});

test('utilisation: more volume on the same liquidity raises the seed fee but lowers the model fee', () => {
  const thin = advise(regime(0.8, 2e7));
  const busy = advise(regime(0.8, 5e8));
  assert.ok(busy.window.utilisationPerDay > 20 * thin.window.utilisationPerDay);
  assert.ok(busy.seedFormulaFee > thin.seedFormulaFee);
  assert.ok(busy.modelFee.fee < thin.modelFee.fee, `model: thin ${thin.modelFee.fee}, busy ${busy.modelFee.fee}`);
});

test('the advisor reports the window it used, equal to a batch recomputation', () => {
  const swaps = regime(0.6, 1e8, 1e8, 9);
  const r = advise(swaps, { windowMs: 1_800_000 });
  const batch = batchWindowStats(swaps, 1_800_000);
  assert.ok(Math.abs(r.window.sigmaPerSqrtSec / batch.sigmaPerSqrtSec - 1) < 1e-9);
  assert.equal(r.window.observations, 150);
  assert.equal(r.model.poolValueUsd, 1e8);
  assert.ok(Math.abs(r.model.uninformedVolumePerSecUsd - 0.5 * r.window.volumePerSecUsd) < 1e-9);
  assert.equal(r.tiers.length, 4);
});

test('a bad config names every bad field; unknown keys are refused', () => {
  assert.throws(
    () => new FeeAdvisor({ windowMs: -1, tiers: [], minFee: 0.02, maxFee: 0.01 }),
    (e: unknown) => e instanceof InputError && /windowMs/.test(e.message) && /tiers/.test(e.message),
  );
  assert.throws(() => new FeeAdvisor({ windowSec: 60 }), (e: unknown) => e instanceof InputError && /windowSec/.test(e.message));
  assert.throws(() => new FeeAdvisor({ minFee: 0.02, maxFee: 0.01 }), (e: unknown) => e instanceof InputError && /minFee/.test(e.message));
});
