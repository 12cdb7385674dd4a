import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';
import { runBacktest } from '../../../actors/backtest/run-backtest.js';
import { strategyFactory } from '../../../actors/backtest/strategies.js';
import { fillModel } from '../../../actors/venues/replay/fill-model.js';
import { runSweep } from '../../../actors/backtest/sweep/run-sweep.js';

/** The first 1,000 bars of ETH/BTC 5m: enough crosses for every combination to trade. */
function slice(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'arbiter-sweep-')), 'ETH_BTC-5m.json');
  writeFileSync(file, JSON.stringify((JSON.parse(readFileSync('data/candles/ETH_BTC-5m.json', 'utf8')) as unknown[]).slice(0, 1000)));
  return file;
}

test('each run of a sweep on two workers has exactly the metrics and trades of runBacktest alone with its parameters', async () => {
  const data = slice();
  const params = [{ fast: 5, slow: 20, fraction: 1 }, { fast: 10, slow: 30, fraction: 1 }, { fast: 8, slow: 40, fraction: 0.5 }];
  const sweep = await runSweep({ strategy: 'sma-cross', data: [data], fee: 0.001, capital: 1, fillModel: 'optimistic', host: 'trading', risk: 'loose', riskFree: 0 }, params, { workers: 2 });
  assert.equal(sweep.workers, 2);
  assert.deepEqual(sweep.runs.map((r) => r.params), params);
  assert.deepEqual(sweep.stats.map((s) => s.tasks > 0), [true, true], 'both workers ran tasks');

  const series = loadCandles(data);
  for (const [i, p] of params.entries()) {
    const { machine, input } = strategyFactory('sma-cross')({ name: 'sma-cross', venue: 'replay', symbol: series.symbol, capital: 1, feeRate: 0.001, params: p });
    const alone = await runBacktest({ strategies: [{ name: 'sma-cross', series, capital: 1, machine, input }], model: fillModel('optimistic', 0.001), venueId: 'replay' });
    assert.ok(alone.trades.length > 0, `run ${i}: the slice trades`);
    assert.equal(sweep.runs[i]!.trades, alone.trades.length, `run ${i} trades`);
    assert.deepEqual(sweep.runs[i]!.metrics, alone.combined.metrics, `run ${i} metrics`);
  }
  assert.notDeepEqual(sweep.runs[0]!.metrics, sweep.runs[1]!.metrics, 'the parameters reached the workers');
});
