import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SolverThread } from '../../../actors/strategies/quantum-portfolio/solver-thread.js';
import { solvePortfolio } from '../../../actors/strategies/quantum-portfolio/solve-portfolio.js';
import { quantumPortfolioParams } from '../../../actors/strategies/quantum-portfolio/params.js';

const symbols = ['A', 'B', 'C', 'D', 'E'];
// Deterministic returns with distinct means and some co-movement.
const returns = Array.from({ length: 60 }, (_, t) => symbols.map((_, i) => Math.sin(t * (i + 1) * 0.7) * 0.01 + (i - 2) * 0.001 + Math.cos(t) * 0.004));
const params = quantumPortfolioParams.parse({ budget: 2, layers: 1, shots: 32 });

test('the solver thread answers in order what the main thread would, and a failed solve leaves the next one a fresh thread', async () => {
  const thread = new SolverThread();
  try {
    const asked = [1, 2, 3].map((seed) => thread.solve({ returns, symbols, params, seed }));
    const bad = thread.solve({ returns, symbols, params: { ...params, budget: 9 }, seed: 4 });
    const after = thread.solve({ returns, symbols, params, seed: 5 });
    const answers = await Promise.all(asked);
    answers.forEach((choice, k) => assert.deepEqual(choice, solvePortfolio(returns, symbols, params, k + 1)));
    await assert.rejects(bad, /budget: 9 is not an integer in 0\.\.n \(5\)/);
    assert.deepEqual(await after, solvePortfolio(returns, symbols, params, 5));
  } finally {
    await thread.close();
  }
});
