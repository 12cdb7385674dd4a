import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';
import { runBacktest } from '../../../actors/backtest/run-backtest.js';
import { strategyFactory } from '../../../actors/backtest/strategies.js';
import { outcomeOf } from '../../../actors/backtest/outcome.js';
import { fillModel } from '../../../actors/venues/replay/fill-model.js';
import { fillSensitivity } from '../../../actors/venues/replay/sensitivity.js';
import { renderReport } from '../../../actors/ledger/report/render-report.js';
import { noChromium, openReport } from '../../support/report-page.js';


test('the HTML report opens offline in headless Chromium with its charts and tables', { skip: noChromium }, async () => {
  const series = loadCandles('data/candles/ETH_BTC-5m.json');
  const run = async (fee: number, name: 'optimistic' | 'default' | 'pessimistic') => {
    const { machine, input } = strategyFactory('sma-cross')({ name: 'sma-cross', venue: 'replay', symbol: series.symbol, capital: 1, feeRate: fee, params: { fast: 10, slow: 30 } });
    return runBacktest({ strategies: [{ name: 'sma-cross', series, capital: 1, machine, input }], model: fillModel(name, fee), venueId: 'replay', host: 'direct' });
  };
  const result = await run(0.001, 'optimistic');
  const sensitivity = await fillSensitivity(0.001, async (m) => outcomeOf(await run(0.001, m.name as 'optimistic')));
  const html = renderReport({ title: 'sma-cross on ETH/BTC', result, sensitivity, dailyTargets: [{ label: 'spec', low: 0.001, high: 0.005 }], dailyLossLimit: 0.05 });
  await openReport(html, async (page) => {
    const canvases = await page.locator('.uplot canvas').count();
    assert.equal(canvases, 3, 'equity, drawdown and daily P&L charts');
    const box = await page.locator('#equity-chart canvas').boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, 'equity chart has a size');
    assert.equal(await page.locator('#trades-table tbody tr').count(), result.trades.length);
    assert.equal(await page.locator('#sensitivity-table tbody tr').count(), 3);
    assert.match(await page.locator('body').innerText(), /targets, not expectations/);
  });
});
