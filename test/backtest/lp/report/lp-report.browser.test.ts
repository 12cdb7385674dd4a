import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLpBacktest } from '../../../../actors/backtest/lp/run-lp-backtest.js';
import { renderLpReport } from '../../../../actors/backtest/lp/report/render-lp-report.js';
import { usd } from '../../../../actors/backtest/lp/report/usd.js';
import { noChromium, openReport } from '../../../support/report-page.js';

const E500 = 'data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv';
const E3000 = 'data/dex/uniswap_v3_usdc_weth_3000_0x8ad5_2024-01-05_events.csv';

test('the LP backtest report shows the table of the JSON, the verdict, and draws the price with the ranges and the cumulative P&L, offline', { skip: noChromium }, async () => {
  const result = await runLpBacktest({ files: [E500, E3000], params: {}, capital: 100_000, gasPriceGwei: 20, timeline: true });
  const { timeline, ...summary } = result;
  const json = JSON.parse(JSON.stringify(summary));
  const rounds = timeline!.rounds.length;
  assert.equal(rounds, json.lp.opened);
  await openReport(renderLpReport(result), async (page) => {
    const cells = async (row: number) => page.locator(`#lp-table tbody tr:nth-child(${row}) td`).allTextContents();
    assert.deepEqual(await cells(1), ['amm-lp', String(json.lp.opened), usd(json.lp.feesUsd), usd(json.lp.ilUsd), usd(json.lp.gasUsd), usd(json.pnlUsd)]);
    const p = json.baselines.passive;
    assert.deepEqual(await cells(2), ['passive (never moves)', '1', usd(p.feesUsd), usd(p.ilUsd), usd(p.gasUsd), usd(p.pnlUsd)]);
    assert.deepEqual(await cells(3), ['hold the first deposit', '0', '', '', '', usd(json.baselines.hold.pnlUsd)]);
    assert.match(await page.locator('#settings').innerText(), /^4,019 blocks, 6,313 swaps, .*gas at 20 gwei; deposit \$9,000\.00 a position, on capital \$100,000\.00; .*MIN_PROFIT \d+/);
    const best = [['amm-lp', json.pnlUsd], ['the passive position', p.pnlUsd], ['holding the first deposit', json.baselines.hold.pnlUsd]].sort((a, b) => (b[1] as number) - (a[1] as number))[0]!;
    assert.match(await page.locator('#verdict').innerText(), new RegExp(`^On this day ${best[0]} did best: ${usd(best[1] as number).replace('$', '\\$')}`));
    assert.equal(await page.locator('#rounds-table tbody tr').count(), rounds);

    assert.equal(await page.locator('.uplot').count(), 2, 'two charts');
    assert.equal(await page.locator('#price-chart canvas').count(), 1);
    assert.equal(await page.locator('#pnl-chart canvas').count(), 1);
    // the x series, the price, low and high for each round and the passive range, the opened and closed marks
    assert.equal(await page.locator('#price-chart .u-series').count(), 1 + 1 + 2 * (rounds + 1) + 2);
    assert.deepEqual(await page.locator('#pnl-chart .u-series .u-label').allTextContents(), ['Time', 'strategy', 'passive', 'hold']);
  });
});
