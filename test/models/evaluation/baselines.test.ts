import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baselines } from '../../../actors/models/evaluation/baselines.js';
import { longFlatPnl } from '../../../actors/models/evaluation/long-flat-pnl.js';
import type { ModelSeries } from '../../../actors/models/evaluation/model-series.js';
import { score } from '../../../actors/models/evaluation/score.js';

const MINUTE = 60_000;
const closes = [10, 11, 10.5, 10.5, 12, 11];
const series: ModelSeries = {
  timeframeMs: MINUTE,
  features: [],
  ts: closes.map((_, i) => i * MINUTE),
  values: closes.map(() => []),
  bar: closes.map((_, i) => i),
  closes,
};

test('persistence calls the way the last bar went (an unchanged close is not up); the first bar has no last bar', () => {
  assert.deepEqual(baselines(series)([0, 1, 2, 3, 4], 0.5).persistence, [0, 1, 0, 0, 1]);
});

test('always-majority says the training up-rate for every sample', () => {
  assert.deepEqual(baselines(series)([1, 2], 0.625).majority, [0.625, 0.625]);
});

test('sma-cross says up while the fast SMA is above the slow one, and down before it has slow closes', () => {
  // fast 2 / slow 3: bar 2 10.75 > 10.5, bar 3 10.5 < 10.67, bar 4 11.25 > 11, bar 5 11.5 > 11.17
  assert.deepEqual(baselines(series, { fast: 2, slow: 3 })([0, 1, 2, 3, 4, 5], 0.5)['sma-cross'], [0, 0, 1, 0, 1, 1]);
});

test('accuracy counts P(up) > 0.5 as an up call; Brier is the mean squared error of P; P&L pays the fee at each entry and exit', () => {
  const outcomes = [
    { ts: 0, up: 1 as const, nextReturn: 0.01 },
    { ts: MINUTE, up: 0 as const, nextReturn: -0.02 },
    { ts: 2 * MINUTE, up: 0 as const, nextReturn: -0.005 },
    { ts: 3 * MINUTE, up: 1 as const, nextReturn: 0.03 },
  ];
  const s = score([0.9, 0.2, 0.6, 0.5], outcomes, 0.001, MINUTE);
  assert.equal(s.samples, 4);
  assert.equal(s.accuracy, 0.5, 'right on the first two; 0.6 is a wrong up call, 0.5 a (wrong) down call');
  assert.ok(Math.abs(s.brier - (0.01 + 0.04 + 0.36 + 0.25) / 4) < 1e-12);
  assert.ok(Math.abs(s.pnl - (0.01 - 0.005 - 4 * 0.001)) < 1e-12, `two round trips: ${s.pnl}`);
});

test('a long held over consecutive bars pays one entry and one exit; a gap in the samples closes it', () => {
  const held = longFlatPnl([true, true, true], [0, 1, 2].map((i) => ({ ts: i * MINUTE, up: 1 as const, nextReturn: 0.01 })), 0.001, MINUTE);
  assert.equal(held.trades, 1);
  assert.ok(Math.abs(held.pnl - (0.03 - 0.002)) < 1e-12);
  assert.deepEqual(held.equity.map((e) => Number(e.toFixed(6))), [0.009, 0.019, 0.028]);
  const broken = longFlatPnl([true, true], [{ ts: 0, up: 1, nextReturn: 0.01 }, { ts: 5 * MINUTE, up: 1, nextReturn: 0.01 }], 0.001, MINUTE);
  assert.equal(broken.trades, 2);
  assert.ok(Math.abs(broken.pnl - (0.02 - 0.004)) < 1e-12);
});
