import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choicesChartData, choicesSection } from '../../../actors/ledger/report/choices-section.js';
import type { ChoiceComparison, RebalanceRow } from '../../../actors/strategies/quantum-portfolio/compare-choices.js';

const row = (over: Partial<RebalanceRow>): RebalanceRow => ({
  ts: Date.UTC(2018, 0, 10, 13, 20), qaoa: ['<ETH>'], exact: ['<ETH>'], optimal: true, qaoaObjective: -2, exactObjective: -2,
  probabilityOfOptimum: 0.6, uniformProbability: 0.5, approximationRatio: 0.9, orders: 1, shots: 4, optimumInShots: 0.9744, uniformOptimumInShots: 0.9375,
  ...over,
});
const choices: ChoiceComparison = {
  strategy: 'q&p',
  rebalances: [row({}), row({ ts: Date.UTC(2018, 0, 11), qaoa: ['LTC'], optimal: false, probabilityOfOptimum: 0.1 })],
  optimal: 1,
  pnl: { qaoa: 0.01, exact: 0.02, equalWeight: -0.005 },
};
const plain = { name: 'sma', symbol: 'ETH/BTC', capital: 1, equity: [1, 1.1] };
const quantum = { name: 'q&p', symbol: '<ETH>,LTC', capital: 1, equity: [1, 0.99, 1.03], choices };

test('a strategy with choices gets its table, chart and P&L beside the portfolios, escaped; others get nothing', () => {
  assert.equal(choicesSection([plain]), '');
  const html = choicesSection([plain, quantum]);
  assert.match(html, /<h2>QAOA beside the exact optimum: q&amp;p \(&lt;ETH&gt;,LTC\)<\/h2>/);
  assert.match(html, /classical state-vector simulation of a quantum algorithm/);
  assert.doesNotMatch(html, /<ETH>/, 'cells are escaped');
  const table = html.match(/<table id="choices-table-0">[\s\S]*?<\/table>/)![0];
  assert.equal(table.match(/<tr><td>/g)!.length, 2);
  assert.match(table, /<tr><td>2018-01-10 13:20<\/td><td>&lt;ETH&gt;<\/td><td>same<\/td><td>0\.6000<\/td><td>0\.5000<\/td><td>0\.9744<\/td><td>0\.9375<\/td>/);
  assert.match(table, /<tr><td>2018-01-11 00:00<\/td><td>LTC<\/td><td>&lt;ETH&gt;<\/td><td>0\.1000<\/td>/);
  assert.match(html, /<div id="choices-chart-0"><\/div>/);
  const pnl = html.match(/<table id="choices-pnl-0">[\s\S]*?<\/table>/)![0];
  assert.deepEqual([...pnl.matchAll(/<tr><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]), [
    ['strategy (own fills)', '0.030000'],
    ['QAOA&#39;s picks', '0.010000'],
    ['exact optima', '0.020000'],
    ['equal weight', '-0.005000'],
  ]);
  assert.match(html, /QAOA picked an optimum in 1 of 2 rebalances/);
});

test('the chart data: each rebalance\'s P(optimum) beside the uniform pick\'s, for the strategies with choices only', () => {
  assert.deepEqual(choicesChartData([plain, quantum]), [{ name: 'q&p', ts: [Date.UTC(2018, 0, 10, 13, 20), Date.UTC(2018, 0, 11)], qaoa: [0.6, 0.1], uniform: [0.5, 0.5] }]);
});
