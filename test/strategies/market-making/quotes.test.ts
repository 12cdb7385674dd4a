import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeQuote, realizedVolatility } from '../../../actors/strategies/market-making/quotes.js';

const params = { baseSpread: 0.002, referenceVolatility: 0.001, inventoryLimit: 1, skew: 0.5, orderAmount: 0.1 };
const calm = [100, 100.01, 100, 100.01, 100];

test('realized volatility is the sample std of log returns', () => {
  const closes = [100, 101, 100, 102];
  const r = [Math.log(1.01), Math.log(100 / 101), Math.log(1.02)];
  const mean = (r[0]! + r[1]! + r[2]!) / 3;
  const expected = Math.sqrt(r.reduce((a, x) => a + (x - mean) ** 2, 0) / 2);
  assert.ok(Math.abs(realizedVolatility(closes) - expected) < 1e-15);
  assert.equal(realizedVolatility([1, 2]), 0);
});

test('flat and calm: symmetric quotes at the base spread', () => {
  const q = computeQuote(100, calm, 0, false, params);
  assert.equal(q.volatilityFactor, 1);
  assert.equal(q.riskFactor, 1);
  assert.ok(Math.abs(q.ask - q.bid - 100 * 0.002) < 1e-9);
  assert.ok(Math.abs((q.ask + q.bid) / 2 - 100) < 1e-9);
  assert.equal(q.bidAmount, 0.1);
  assert.equal(q.askAmount, 0.1);
});

test('volatility widens the spread by sigma / reference', () => {
  const wild = [100, 103, 99, 104, 98];
  const q = computeQuote(100, wild, 0, false, params);
  assert.ok(q.volatilityFactor > 10);
  assert.ok(Math.abs(q.spread - params.baseSpread * q.volatilityFactor) < 1e-12);
});

test('long inventory skews quotes down, widens them, and shrinks the bid', () => {
  const flat = computeQuote(100, calm, 0, false, params);
  const long = computeQuote(100, calm, 0.5, false, params);
  assert.ok(long.bid < flat.bid && long.ask < flat.ask);
  assert.equal(long.riskFactor, 1.5);
  assert.ok(Math.abs(long.bidAmount - 0.05) < 1e-12);
  assert.equal(long.askAmount, 0.1);
});

test('reducing: only the side that lowers inventory is quoted, at double risk factor', () => {
  const q = computeQuote(100, calm, 0.5, true, params);
  assert.equal(q.bidAmount, 0);
  assert.ok(q.askAmount > 0);
  assert.equal(q.riskFactor, 3);
});
