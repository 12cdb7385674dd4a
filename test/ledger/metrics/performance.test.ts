import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeMetrics } from '../../../actors/ledger/metrics/performance.js';
import { InputError } from '../../../actors/runtime/errors.js';

const close = (actual: number | null, expected: number, eps = 1e-12) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= eps, `expected ${expected}, got ${actual}`);

// Reference series, worked by hand from the definitions in issue 5.
const r = [0.1, -0.05, 0.02, -0.1, 0.05];
const ppy = 252;

test('total return and CAGR compound the periods', () => {
  // equity: 1.1, 1.045, 1.0659, 0.95931, 1.0072755
  const m = computeMetrics({ returns: r, periodsPerYear: ppy });
  close(m.totalReturn, 0.0072755);
  close(m.cagr, 1.0072755 ** (252 / 5) - 1);
  assert.equal(m.periods, 5);
});

test('Sharpe is mean / sample std × √periods', () => {
  // mean = 0.02 / 5 = 0.004; squared deviations: 0.009216 + 0.002916 + 0.000256 + 0.010816 + 0.002116 = 0.02532
  const sd = Math.sqrt(0.02532 / 4);
  const m = computeMetrics({ returns: r, periodsPerYear: ppy });
  close(m.sharpe, (0.004 / sd) * Math.sqrt(252));
  close(m.annualVolatility, sd * Math.sqrt(252));
  close(m.sharpe, 0.7981020139334006, 1e-9);
});

test('Sortino divides by the downside deviation over ALL periods', () => {
  // negative returns -0.05 and -0.1: (0.0025 + 0.01) / 5 periods = 0.0025 → downside deviation 0.05
  const m = computeMetrics({ returns: r, periodsPerYear: ppy });
  close(m.sortino, (0.004 / 0.05) * Math.sqrt(252));
});

test('risk-free rate is taken per period from the annual rate', () => {
  const m = computeMetrics({ returns: r, periodsPerYear: ppy, riskFree: 0.0252 });
  // excess = r - 0.0001; the std is unchanged, the mean drops to 0.0039
  close(m.sharpe, (0.0039 / Math.sqrt(0.02532 / 4)) * Math.sqrt(252));
});

test('max drawdown is peak to trough, negative; Calmar is CAGR / |maxDD|', () => {
  const m = computeMetrics({ returns: r, periodsPerYear: ppy });
  // peak 1.1 after period 1, trough 0.95931 after period 4
  close(m.maxDrawdown, 0.95931 / 1.1 - 1);
  close(m.calmar, (1.0072755 ** (252 / 5) - 1) / (1 - 0.95931 / 1.1));
});

test('starting capital counts as a peak (not the min of cumulative returns)', () => {
  close(computeMetrics({ returns: [-0.2], periodsPerYear: 12 }).maxDrawdown, -0.2);
  // equity 0.9, 1.08, 0.918: the spec's min(cumulative) would say -0.1; the true drawdown is 0.918/1.08 - 1 = -0.15
  close(computeMetrics({ returns: [-0.1, 0.2, -0.15], periodsPerYear: 12 }).maxDrawdown, -0.15);
  assert.equal(computeMetrics({ returns: [0.01, 0.02], periodsPerYear: 12 }).maxDrawdown, 0);
});

test('period-based win rate, profit factor, expectancy and exposure without trades', () => {
  const m = computeMetrics({ returns: [...r, 0], periodsPerYear: ppy });
  close(m.winRate, 3 / 6);
  close(m.profitFactor, (0.1 + 0.02 + 0.05) / (0.05 + 0.1));
  close(m.expectancy, 0.02 / 6);
  close(m.exposure, 5 / 6);
  assert.equal(m.turnover, null);
});

test('trade-based win rate, profit factor and expectancy when trades are given', () => {
  const m = computeMetrics({ returns: r, periodsPerYear: ppy, tradePnls: [30, -10, 20, -20], exposure: 0.4, turnover: 3 });
  close(m.winRate, 0.5);
  close(m.profitFactor, 50 / 30);
  close(m.expectancy, 20 / 4);
  close(m.exposure, 0.4);
  close(m.turnover, 3);
});

test('undefined ratios are null, not Infinity or NaN', () => {
  const flat = computeMetrics({ returns: [0.01, 0.01, 0.01], periodsPerYear: 12 });
  assert.equal(flat.sharpe, null);
  assert.equal(flat.sortino, null);
  assert.equal(flat.calmar, null);
  assert.equal(flat.profitFactor, null);
  assert.doesNotThrow(() => JSON.stringify(flat));
});

test('bad input is an InputError naming the index', () => {
  assert.throws(() => computeMetrics({ returns: [0.1, Number.NaN], periodsPerYear: 12 }), (e: unknown) => e instanceof InputError && /returns\[1\]/.test(e.message));
  assert.throws(() => computeMetrics({ returns: [0.1], periodsPerYear: 0 }), InputError);
});
