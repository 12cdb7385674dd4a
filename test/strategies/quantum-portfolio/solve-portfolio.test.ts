import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solvePortfolio } from '../../../actors/strategies/quantum-portfolio/solve-portfolio.js';
import { quantumPortfolioParams } from '../../../actors/strategies/quantum-portfolio/params.js';

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-12, `${what}: ${a} vs ${b}`);
const SYMBOLS = ['A', 'B', 'C', 'D'];
/**
 * Three rows of four markets' returns. Means μ = [0.02, 0.02, 0.01, 0.01]; deviations A [−.01, .01, 0],
 * B [.02, −.02, 0], C [−.01, −.01, .02], D 0. Sample covariance (÷ 2): Σ_AA = 1e-4, Σ_BB = 4e-4, Σ_CC = 3e-4,
 * Σ_AB = (−2e-4 − 2e-4) / 2 = −2e-4, every other entry 0.
 */
const RETURNS = [
  [0.01, 0.04, 0.0, 0.01],
  [0.03, 0.0, 0.0, 0.01],
  [0.02, 0.02, 0.03, 0.01],
];
/**
 * q = 30, the six pairs' q·xᵀΣx − μᵀx:
 *   AB: 30·(1e-4 + 4e-4 − 4e-4) − 0.04 = −0.037   AC: 30·4e-4 − 0.03 = −0.018   AD: 30·1e-4 − 0.03 = −0.027
 *   BC: 30·7e-4 − 0.03 = −0.009                  BD: 30·4e-4 − 0.03 = −0.018   CD: 30·3e-4 − 0.02 = −0.011
 * AB wins only through its negative covariance: without it AB would be 30·5e-4 − 0.04 = −0.025 and AD would win.
 */
const PAIRS: Record<string, number> = { AB: -0.037, AC: -0.018, AD: -0.027, BC: -0.009, BD: -0.018, CD: -0.011 };
const nameOf = (selection: readonly (0 | 1)[]) => SYMBOLS.filter((_, i) => selection[i] === 1).join('');

test('exact is the brute-force optimum of q·xᵀΣx − μᵀx over the C(4, 2) pairs, Σ the sample covariance', () => {
  const params = quantumPortfolioParams.parse({ budget: 2, risk: 30, layers: 1, shots: 64 });
  const choice = solvePortfolio(RETURNS, SYMBOLS, params, 1);
  assert.deepEqual(choice.exact, [1, 1, 0, 0]);
  near(choice.exactObjective, PAIRS.AB!, 'exact objective');
  assert.equal(choice.uniformProbability, 1 / 6, 'one optimum of six pairs');
});

test('with the xy mixer QAOA picks exactly B markets, and its objective is that pair\'s', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const params = quantumPortfolioParams.parse({ budget: 2, risk: 30, layers: 1, shots: 16, mixer: 'xy' });
    const choice = solvePortfolio(RETURNS, SYMBOLS, params, seed);
    assert.equal(choice.qaoa.reduce<number>((a, b) => a + b, 0), 2, `seed ${seed}: ${choice.qaoa.join('')}`);
    near(choice.qaoaObjective, PAIRS[nameOf(choice.qaoa)]!, `seed ${seed} objective`);
    assert.ok(choice.qaoaObjective >= choice.exactObjective);
    assert.ok(choice.probabilityOfOptimum > 0 && choice.probabilityOfOptimum <= 1 + 1e-12);
  }
});
