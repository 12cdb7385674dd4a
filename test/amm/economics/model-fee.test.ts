import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lpProfitRate, lpProfitTerms, type LpModelInputs } from '../../../actors/amm/economics/lp-profit-rate.js';
import { bestTier, modelFee } from '../../../actors/amm/economics/model-fee.js';
import { seedExpectedProfitRate, seedFormulaFee } from '../../../actors/amm/economics/seed-fee.js';
import { InputError } from '../../../actors/runtime/errors.js';

const close = (actual: number, expected: number, tol: number) => assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected} (±${tol})`);
const PER_SQRT_YEAR = 1 / Math.sqrt(365 * 86_400);

const inputs = (over: Partial<LpModelInputs> = {}): LpModelInputs => ({
  sigmaPerSqrtSec: 0.5 * PER_SQRT_YEAR,
  poolValueUsd: 1e8,
  uninformedVolumePerSecUsd: 25e6 / 86_400,
  referenceFee: 0.0005,
  elasticity: 2,
  blockTimeSec: 12,
  ...over,
});

test('seed formula and its expected profit, by hand', () => {
  close(seedFormulaFee(0.003, 0.6, 0.4), 0.003, 1e-15);
  close(seedFormulaFee(0.001, 0, 2), 0.002, 1e-15);
  // $1000/s at 30 bp = $3/s, minus σ²/8 · V with σ = 1e-4/√s and V = $1e8: 0.125 $/s.
  close(seedExpectedProfitRate(1000, 0.003, 1e-4, 1e8), 3 - 0.125, 1e-12);
});

test('π(f): uninformed volume at the reference fee is the observed one, its elasticity there is ε', () => {
  const m = inputs();
  const at = lpProfitTerms(m.referenceFee, m);
  close(at.uninformedVolumePerSecUsd, m.uninformedVolumePerSecUsd, 1e-9);
  const h = 1e-7;
  const up = lpProfitTerms(m.referenceFee * (1 + h), m).uninformedVolumePerSecUsd;
  const down = lpProfitTerms(m.referenceFee * (1 - h), m).uninformedVolumePerSecUsd;
  close(-(Math.log(up) - Math.log(down)) / (Math.log(1 + h) - Math.log(1 - h)), m.elasticity, 1e-6);
  close(at.profitPerSecUsd, at.feeIncomePerSecUsd - at.arbitrageLossPerSecUsd, 1e-12);
});

test('model fee with no volatility: f_ref/ε (revenue-maximising), clamped to the range; the lowest tier when flow is elastic', () => {
  const still = inputs({ sigmaPerSqrtSec: 0 });
  close(modelFee(still, 0.0001, 0.01).fee, 0.0005 / 2, 1e-9);
  close(modelFee({ ...still, elasticity: 20 }, 0.0001, 0.01).fee, 0.0001, 0);
  assert.equal(bestTier({ ...still, elasticity: 5 }, [0.0001, 0.0005, 0.003, 0.01]).best.fee, 0.0001);
});

test('model fee agrees with a dense brute-force search over the range', () => {
  for (const annual of [0.2, 0.6, 0.9, 1.2, 2]) {
    for (const volumeDay of [5e6, 5e7, 5e8]) {
      const m = inputs({ sigmaPerSqrtSec: annual * PER_SQRT_YEAR, uninformedVolumePerSecUsd: volumeDay / 86_400 });
      let bruteBest = -Infinity;
      for (let i = 0; i <= 20_000; i++) bruteBest = Math.max(bruteBest, lpProfitRate(0.0001 * 100 ** (i / 20_000), m));
      const found = modelFee(m, 0.0001, 0.01);
      assert.ok(found.profitPerSecUsd >= bruteBest - 1e-9 * Math.abs(bruteBest), `σ ${annual}, $${volumeDay}/day: ${found.profitPerSecUsd} < brute ${bruteBest}`);
    }
  }
});

test('model fee rises with volatility and falls as uninformed volume grows against the same liquidity', () => {
  const fees = [0, 0.2, 0.4, 0.6, 0.8].map((a) => modelFee(inputs({ sigmaPerSqrtSec: a * PER_SQRT_YEAR }), 0.0001, 0.01).fee);
  for (let i = 1; i < fees.length; i++) assert.ok(fees[i]! > fees[i - 1]!, `fees by σ: ${fees.join(', ')}`);
  const byVolume = [5e7, 2e8, 1e9].map((v) => modelFee(inputs({ sigmaPerSqrtSec: 0.8 * PER_SQRT_YEAR, uninformedVolumePerSecUsd: v / 86_400 }), 0.0001, 0.01).fee);
  assert.ok(byVolume[0]! > byVolume[1]! && byVolume[1]! > byVolume[2]!, `fees by volume: ${byVolume.join(', ')}`);
  // Arbitrage outweighing what uninformed flow pays: shut it out at the top of the range.
  close(modelFee(inputs({ sigmaPerSqrtSec: 3 * PER_SQRT_YEAR }), 0.0001, 0.01).fee, 0.01, 1e-12);
  assert.equal(bestTier(inputs({ sigmaPerSqrtSec: 3 * PER_SQRT_YEAR }), [0.0001, 0.0005, 0.003, 0.01]).best.fee, 0.01);
});

test('bad ranges and tiers are refused', () => {
  assert.throws(() => modelFee(inputs(), 0.01, 0.001), InputError);
  assert.throws(() => modelFee(inputs(), 0, 0.01), InputError);
  assert.throws(() => bestTier(inputs(), []), InputError);
});
