import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PerformanceMetrics } from '../../../actors/ledger/metrics/performance.js';
import { bestIndex, describeRanking, RANK_METRIC_NAMES } from '../../../actors/backtest/sweep/rank.js';

const run = (m: Partial<PerformanceMetrics>) => ({ metrics: { sharpe: null, maxDrawdown: 0, annualVolatility: null, ...m } as PerformanceMetrics });

test('higher-is-better metrics pick the largest; ties go to the earlier run; null ranks last', () => {
  assert.equal(bestIndex([run({ sharpe: 1 }), run({ sharpe: null }), run({ sharpe: 3 }), run({ sharpe: 3 })], 'sharpe'), 2);
  assert.equal(bestIndex([run({ sharpe: null }), run({ sharpe: -5 })], 'sharpe'), 1);
  assert.equal(bestIndex([run({ sharpe: null })], 'sharpe'), undefined);
});

test('drawdowns are negative: the shallowest ranks first; volatility ranks lowest first', () => {
  assert.equal(bestIndex([run({ maxDrawdown: -0.3 }), run({ maxDrawdown: -0.05 }), run({ maxDrawdown: -0.2 })], 'maxDrawdown'), 1);
  assert.equal(bestIndex([run({ annualVolatility: 0.4 }), run({ annualVolatility: 0.1 })], 'annualVolatility'), 1);
  assert.match(describeRanking('maxDrawdown'), /shallowest/);
  assert.equal(describeRanking('turnover'), 'turnover (lower is better)');
});

test('only metrics that differ between runs can rank', () => {
  assert.ok(!RANK_METRIC_NAMES.includes('periods' as never));
  assert.ok(RANK_METRIC_NAMES.includes('sharpe'));
});
