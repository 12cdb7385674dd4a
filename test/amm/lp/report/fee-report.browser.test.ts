import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPoolEvents } from '../../../../actors/amm/v3/pool-events.js';
import { lpDay } from '../../../../actors/amm/lp/lp-day.js';
import { feeReport, poolFees } from '../../../../actors/amm/lp/fee-report.js';
import { renderFeeReport } from '../../../../actors/amm/lp/report/render-fee-report.js';
import { noChromium, openReport } from '../../../support/report-page.js';

const POOL_3000 = 'data/dex/uniswap_v3_usdc_weth_3000_0x8ad5_2024-01-05_events.csv';

test('the fee report draws, offline, each pool\'s price with the range, its liquidity, and fees against LVR', { skip: noChromium }, async () => {
  const day = lpDay(readPoolEvents(POOL_3000), { fee: 3000, tickSpacing: 60 }, { depositUsd: 1_000_000, halfWidthTicks: 300 });
  const report = feeReport([poolFees(POOL_3000, day)]);
  const html = renderFeeReport(report, [day.samples]);
  await openReport(html, async (page) => {
    assert.equal(await page.locator('.uplot').count(), 3, 'three charts for the one pool');
    const titles = await page.locator('.u-title').allTextContents();
    assert.deepEqual(titles, ["Price ($/ETH) and the position's range", 'Active liquidity (whole-token units)', 'The position: cumulative fees against cumulative LVR ($)']);
    const rows = await page.locator('#fee-table tr').count();
    assert.equal(rows, 2, 'a header and the pool');
    assert.match(await page.locator('#fee-table').innerText(), /0\.30%/);
  });
  const embedded = JSON.parse(html.match(/<script id="fee-data" type="application\/json">([\s\S]*?)<\/script>/)![1]!.replace(/\\u003c/g, '<'));
  assert.equal(embedded.pools[0].fees.at(-1), day.lpFeesUsd, 'the chart ends at the fees the table reports');
  assert.equal(embedded.pools[0].lvr.at(-1), day.samples.at(-1)!.cumulativeLvrUsd);
});
