import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import {
  DEFAULT_ADJUSTMENT, classifyRegime, correlationFactor, dynamicAdjustment, volatilityFactor,
} from '../../actors/risk/dynamic-adjustment.js';
import { correlation, logReturns, stdev } from '../../actors/risk/stats.js';

const closes = (file: string, n: number) =>
  loadCandles(new URL(`../../data/candles/${file}`, import.meta.url).pathname).candles.slice(0, n).map((c) => c.close);

test('stats: stdev and Pearson correlation on small hand-checked series', () => {
  assert.ok(Math.abs(stdev([2, 4, 4, 4, 5, 5, 7, 9]) - Math.sqrt(32 / 7)) < 1e-12);
  assert.ok(Math.abs(correlation([1, 2, 3, 4], [2, 4, 6, 8]) - 1) < 1e-12);
  assert.ok(Math.abs(correlation([1, 2, 3, 4], [8, 6, 4, 2]) + 1) < 1e-12);
  assert.equal(correlation([1, 1, 1], [1, 2, 3]), 0);
});

test('volatility factor = min(1, target / realized)', () => {
  const r = [0.01, -0.01, 0.01, -0.01];
  const realized = stdev(r);
  assert.ok(Math.abs(volatilityFactor(r, 0.002) - 0.002 / realized) < 1e-12);
  assert.equal(volatilityFactor(r, 1), 1);
  assert.equal(volatilityFactor([0, 0, 0], 0.002), 1);
});

test('correlation factor shrinks with positive correlation to held assets, ignores negative', () => {
  const a = [0.01, -0.02, 0.015, -0.005, 0.02];
  assert.equal(correlationFactor(a, [], 0.25), 1);
  assert.ok(Math.abs(correlationFactor(a, [a], 0.25) - 0.25) < 1e-12);
  assert.ok(Math.abs(correlationFactor(a, [a.map((x) => -x)], 0.25) - 1) < 1e-12);
  assert.ok(Math.abs(correlationFactor(a, [a, a.map((x) => -x)], 0.25) - (1 - 0.75 * 0.5)) < 1e-12);
});

test('regime: steady drift trends, alternation ranges, big swings are volatile', () => {
  const cfg = DEFAULT_ADJUSTMENT;
  assert.equal(classifyRegime(Array.from({ length: 30 }, (_, i) => 0.001 + (i % 2) * 0.0005), cfg), 'trending');
  assert.equal(classifyRegime(Array.from({ length: 30 }, (_, i) => (i % 2 ? 0.001 : -0.001)), cfg), 'ranging');
  assert.equal(classifyRegime(Array.from({ length: 30 }, (_, i) => (i % 2 ? 0.02 : -0.015)), cfg), 'volatile');
});

test('on real 5m candles: ETH/BTC sized against held LTC/BTC and XMR/BTC stays in (0, 1] and is the product of its factors', () => {
  const eth = logReturns(closes('ETH_BTC-5m.json', 289));
  const held = [logReturns(closes('LTC_BTC-5m.json', 289)), logReturns(closes('XMR_BTC-5m.json', 289))];
  const adj = dynamicAdjustment(eth, held);
  assert.ok(adj.multiplier > 0 && adj.multiplier <= 1);
  const product = adj.volatility * adj.correlation * adj.regimeFactor;
  assert.ok(Math.abs(adj.multiplier - Math.min(1, Math.max(DEFAULT_ADJUSTMENT.floor, product))) < 1e-12);
  assert.ok(Math.abs(adj.volatility - Math.min(1, DEFAULT_ADJUSTMENT.targetVolatility / stdev(eth))) < 1e-12);
  // Adding a held asset identical to the candidate can only shrink the size.
  assert.ok(dynamicAdjustment(eth, [...held, eth]).multiplier <= adj.multiplier);
});
