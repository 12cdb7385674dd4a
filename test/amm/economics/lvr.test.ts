import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arbitrageProbability, feeLogBand, lvrWithFeesRate } from '../../../actors/amm/economics/arbitrage-probability.js';
import { constantProductLvrRate, lvrRate, rangeLvrRate } from '../../../actors/amm/economics/lvr.js';
import { rangeAmounts, rangeValue } from '../../../actors/amm/economics/range-amounts.js';
import { seededRandom } from '../../../actors/runtime/random.js';

const close = (actual: number, expected: number, tol: number) => assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected} (±${tol})`);

test('LVR, constant product: σ²/8 of pool value, scaling with σ² and with value', () => {
  close(constantProductLvrRate(0.8, 1_000_000), 80_000, 1e-9); // 80 % a year → 8 % of value a year
  close(constantProductLvrRate(1.6, 1_000_000), 4 * constantProductLvrRate(0.8, 1_000_000), 1e-9);
  close(constantProductLvrRate(0.8, 2_000_000), 2 * constantProductLvrRate(0.8, 1_000_000), 1e-9);
  assert.equal(constantProductLvrRate(0, 1e6), 0);
});

test('LVR, general ℓ = σ²p²/2·|x′(p)|: the constant-product pool (x = L/√p) gives σ²/8·V, with x′ taken numerically', () => {
  const L = 1e5;
  const sigma = 0.05;
  for (const p of [0.5, 1, 2000]) {
    const h = p * 1e-6;
    const dxdp = (rangeAmounts(L, p + h, 0, Infinity).x - rangeAmounts(L, p - h, 0, Infinity).x) / (2 * h);
    const value = rangeValue(L, p, 0, Infinity);
    close(lvrRate(sigma, p, dxdp) / constantProductLvrRate(sigma, value), 1, 1e-8);
  }
});

test('LVR, concentrated range: the full-range rate of the same L inside, zero outside, a larger share of its value', () => {
  const L = 1e5;
  const sigma = 0.05;
  const [lower, upper] = [1800, 2200];
  const p = 2000;
  close(rangeLvrRate(sigma, L, p, lower, upper), constantProductLvrRate(sigma, rangeValue(L, p, 0, Infinity)), 1e-9);
  assert.equal(rangeLvrRate(sigma, L, 1700, lower, upper), 0);
  assert.equal(rangeLvrRate(sigma, L, 2300, lower, upper), 0);
  const shareRange = rangeLvrRate(sigma, L, p, lower, upper) / rangeValue(L, p, lower, upper);
  const shareFull = constantProductLvrRate(sigma, 1);
  assert.ok(shareRange > 10 * shareFull, `range share ${shareRange} vs full ${shareFull}`);
});

test('P_trade = 1/(1 + γ/(σ√(Δt/2))): the limits and a hand value', () => {
  assert.equal(arbitrageProbability(0, 0.01, 12), 1);
  assert.equal(arbitrageProbability(0.003, 0, 12), 0);
  close(arbitrageProbability(1e-12, 0.01, 12), 1, 1e-8);
  // σ√(Δt/2) = 1·√(1/2): γ = 1 → 1/(1 + √2).
  close(arbitrageProbability(1, 1, 1), 1 / (1 + Math.SQRT2), 1e-15);
  // Faster blocks → fewer blocks find a trade; more volatility → more.
  assert.ok(arbitrageProbability(0.003, 1e-4, 2) < arbitrageProbability(0.003, 1e-4, 12));
  assert.ok(arbitrageProbability(0.003, 2e-4, 12) > arbitrageProbability(0.003, 1e-4, 12));
  close(feeLogBand(0.003), -Math.log(0.997), 1e-15);
  close(lvrWithFeesRate(1e-4, 1e6, 0, 12), constantProductLvrRate(1e-4, 1e6), 1e-15);
});

const gaussian = (random: () => number) => () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/**
 * The model of MMR 2023 simulated: the log mispricing z diffuses between Poisson blocks; at a block, |z| > γ means an
 * arbitrageur trades a constant-product pool (L = 1) to the band's edge, paying the fee on its input. The share of
 * blocks that trade must match P_trade, and the arbitrage profit per unit time per unit pool value must match
 * σ²/8 · P_trade (their small-fee, fast-block result), which is what the fee advisor charges the LP.
 */
function simulate(sigma: number, fee: number, blockTime: number, blocks: number, seed: number) {
  const random = seededRandom(seed);
  const normal = gaussian(random);
  const gamma = feeLogBand(fee);
  let z = 0;
  let trades = 0;
  let profitOverValue = 0;
  for (let i = 0; i < blocks; i++) {
    z += sigma * Math.sqrt(-Math.log(1 - random()) * blockTime) * normal();
    if (Math.abs(z) <= gamma) continue;
    trades++;
    const market = Math.exp(z); // pool price 1
    const after = market * Math.exp(z > 0 ? -gamma : gamma);
    const xOut = 1 - 1 / Math.sqrt(after); // risky asset leaving the pool (negative: entering)
    const yIn = Math.sqrt(after) - 1; // numeraire entering the pool (negative: leaving)
    const profit = z > 0 ? xOut * market - yIn / (1 - fee) : -yIn + (xOut / (1 - fee)) * market;
    profitOverValue += profit / (2 * Math.sqrt(market));
    z = z > 0 ? gamma : -gamma;
  }
  return { tradeShare: trades / blocks, arbRatePerValue: profitOverValue / (blocks * blockTime) };
}

test('P_trade and LVR·P_trade against a simulation of the mispricing process', () => {
  for (const [sigma, fee, seed] of [[0.01, 0.01, 1], [0.001, 0.0005, 2], [0.001, 0.003, 3]] as const) {
    const sim = simulate(sigma, fee, 1, 150_000, seed);
    const p = arbitrageProbability(feeLogBand(fee), sigma, 1);
    close(sim.tradeShare, p, 0.01);
    const predicted = lvrWithFeesRate(sigma, 1, fee, 1);
    assert.ok(Math.abs(sim.arbRatePerValue / predicted - 1) < 0.06, `σ ${sigma}, fee ${fee}: simulated ${sim.arbRatePerValue} vs ${predicted}`);
  }
  const noFee = simulate(0.001, 0, 1, 50_000, 4);
  assert.equal(noFee.tradeShare, 1);
  close(noFee.arbRatePerValue / constantProductLvrRate(0.001, 1), 1, 0.04);
});
