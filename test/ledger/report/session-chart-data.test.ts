import { test } from 'node:test';
import assert from 'node:assert/strict';
import { equityCharts, weightsChart } from '../../../actors/ledger/report/session-chart-data.js';

test('weights over time: the static weights from the first sample, each reallocation from its time, held to the last sample', () => {
  const chart = weightsChart(
    { arbitrage: 0.2, market_making: 0.2 },
    [{ ts: 3_000, after: { arbitrage: 0.35, market_making: 0.05 } }, { ts: 5_000, after: { arbitrage: 0.3, market_making: 0.1 } }],
    1_000,
    9_000,
  );
  assert.deepEqual(chart, {
    x: [1, 3, 5, 9],
    series: [
      { label: 'arbitrage', values: [20, 35, 30, 30] },
      { label: 'market_making', values: [20, 5, 10, 10] },
    ],
  });
  assert.deepEqual(weightsChart({ arbitrage: 1 }, [], undefined, undefined), { x: [], series: [] }, 'no time to draw on');
  assert.deepEqual(weightsChart({ arbitrage: 1 }, [], 2_000, 2_000).x, [2], 'one sample, no reallocation: one point');
});

test('equity and P&L per family on the union of sample times, null where a family has no sample', () => {
  const { equity, pnl } = equityCharts(
    { market_making: [{ ts: 1_000, equity: 2_000 }, { ts: 2_000, equity: 1_990 }], arbitrage: [{ ts: 2_000, equity: 3_005 }] },
    { market_making: 2_000, arbitrage: 3_000 },
  );
  assert.deepEqual(equity, { x: [1, 2], series: [{ label: 'arbitrage', values: [null, 3_005] }, { label: 'market_making', values: [2_000, 1_990] }] });
  assert.deepEqual(pnl.series, [{ label: 'arbitrage', values: [null, 5] }, { label: 'market_making', values: [0, -10] }]);
});
