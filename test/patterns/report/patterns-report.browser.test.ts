import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';
import { scanPatterns } from '../../../actors/patterns/scan-patterns.js';
import { patternsChartData, renderPatternsReport, type PatternsReportInput } from '../../../actors/patterns/report/render-patterns-report.js';
import type { ZigzagThreshold } from '../../../actors/patterns/swings/zigzag.js';
import { noChromium, openReport } from '../../support/report-page.js';

const MINUTE = 60_000;
const candles = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json').candles.slice(0, 1500);
const zigzag: ZigzagThreshold = { kind: 'percent', percent: 0.5 };
// Measured: 58 swings; 38 patterns, 3 harmonic (gartley, bat, deep-crab), 15 Elliott, 20 Wyckoff; 16 bullish, 22 bearish.
const { patterns, swings } = scanPatterns(candles, { zigzag });
const input: PatternsReportInput = { title: 'Patterns in BTC 1500', source: 'btc-1500.json', candles, timeframeMs: MINUTE, patterns, swings, zigzag, microstructure: {} };
const count = (f: string) => patterns.filter((p) => p.family === f).length;

test('the slice has patterns of every family and both directions to draw', () => {
  assert.deepEqual([patterns.length, count('harmonic'), count('elliott'), count('wyckoff')], [38, 3, 15, 20]);
  assert.deepEqual(patterns.filter((p) => p.family === 'harmonic').map((p) => p.name), ['gartley', 'bat', 'deep-crab']);
});

test('the chart data: bars as columns and pattern points in epoch seconds', () => {
  const d = patternsChartData(candles, patterns, MINUTE);
  assert.equal(d.candles.t.length, 1500);
  assert.deepEqual([d.candles.t[0], d.candles.o[0], d.candles.h[0], d.candles.l[0], d.candles.c[0]], [candles[0]!.ts / 1000, candles[0]!.open, candles[0]!.high, candles[0]!.low, candles[0]!.close]);
  assert.equal(d.candles.t[1]! - d.candles.t[0]!, 60);
  const gartley = patterns.findIndex((p) => p.name === 'gartley');
  assert.deepEqual(d.patterns[gartley]!.points, patterns[gartley]!.points.map((q) => [q.label, q.ts / 1000, q.price]));
  assert.equal(d.secondsVisible, false);
});

test('the microstructure section is there only when a summary part is', () => {
  assert.doesNotMatch(renderPatternsReport(input), /id="microstructure"/);
  const html = renderPatternsReport({ ...input, microstructure: { vpin: { last: 0.25, min: 0.125, max: 0.5, buckets: 50, window: 10 }, tradeSignAutocorrelation: null } });
  assert.match(html, /<ul id="microstructure"><li>VPIN last 0\.2500, min 0\.1250, max 0\.5000 \(50 buckets, window 10\)<\/li><li>trade-sign autocorrelation, lags 1\.\.: –<\/li><\/ul>/);
});

/** Pixels of each pattern colour on the chart's canvases, and of anything else not white (run in the page). */
const COLOUR_PIXELS = String.raw`(() => {
  const found = { bullish: 0, bearish: 0, other: 0 };
  for (const canvas of document.querySelectorAll('#chart canvas')) {
    if (canvas.width === 0 || canvas.height === 0) continue;
    const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] === 0) continue;
      const rgb = px[i] + ',' + px[i + 1] + ',' + px[i + 2];
      if (rgb === '11,138,62') found.bullish++;
      else if (rgb === '209,35,42') found.bearish++;
      else if (rgb !== '255,255,255') found.other++;
    }
  }
  return found;
})()`;
const colourPixels = (page: Page) => page.evaluate(COLOUR_PIXELS) as Promise<{ bullish: number; bearish: number; other: number }>;

const drawn = async (page: Page) => ({
  patterns: Number(await page.locator('#chart').getAttribute('data-drawn-patterns')),
  labels: Number(await page.locator('#chart').getAttribute('data-drawn-labels')),
});

test('the report opens offline in headless Chromium: candles, every pattern drawn and listed, zoom to one, hide a family', { skip: noChromium }, async () => {
  await openReport(renderPatternsReport(input), async (page) => {
    const pixels = await colourPixels(page);
    assert.ok(pixels.other > 1000, `candles and axes drawn: ${JSON.stringify(pixels)}`);
    assert.ok(pixels.bullish > 50 && pixels.bearish > 50, `patterns of both directions drawn: ${JSON.stringify(pixels)}`);
    assert.equal((await drawn(page)).patterns, 38, 'the whole range shows every pattern');
    assert.equal(await page.locator('#patterns-table tbody tr').count(), 38);
    const gartley = patterns.findIndex((p) => p.name === 'gartley');
    const row = page.locator(`#patterns-table tbody tr[data-pattern="${gartley}"]`);
    assert.match(await row.innerText(), /harmonic\tgartley\tbullish|harmonic\tgartley\tbearish/);
    assert.match(await row.innerText(), /X A B C D/);

    await row.click();
    await page.waitForSelector('#chart:not([data-drawn-patterns="38"])');
    const zoomed = await drawn(page);
    assert.ok(zoomed.patterns >= 1 && zoomed.patterns < 38, `zoomed to the gartley: ${zoomed.patterns} patterns on screen`);
    assert.ok(zoomed.labels >= 5, `X A B C D labelled: ${zoomed.labels} labels`);

    await page.locator('#show-all').click();
    await page.locator('input.family[value="wyckoff"]').uncheck();
    await page.waitForSelector('#chart[data-drawn-patterns="18"]');
    assert.equal(await page.locator('#patterns-table tbody tr:visible').count(), 38 - 20);
  });
});
