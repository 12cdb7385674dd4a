import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { defaultConfig } from '../../../config/index.js';
import { runPaperSession } from '../../../supervisors/run-paper-session.js';
import type { SessionSummary } from '../../../supervisors/paper-session-summary.js';
import { openStore } from '../../../actors/ledger/storage/store.js';
import { readSessionReportData, type SessionReportData } from '../../../actors/ledger/report/session-report-data.js';
import { renderSessionReport } from '../../../actors/ledger/report/session-report.js';
import { noChromium, openReport } from '../../support/report-page.js';


let summary: SessionSummary;
let data: SessionReportData;
let html: string;

/** One short real paper session: market making and CEX arbitrage, sampled every 200 ms, reallocating as soon as it is warm. */
before(async () => {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'arbiter-session-report-')), 'session.db');
  const base = defaultConfig();
  const config = {
    ...base,
    paper: { ...base.paper, strategies: ['market-making', 'triangular', 'cross-exchange'] },
    allocator: { ...base.allocator, sampleEveryMs: 200, minSamples: 3, minIntervalMs: 0 },
  };
  summary = await runPaperSession({
    config, logger: pino({ level: 'silent' }), dbFile, sessionId: 'report', dataFile: 'data/candles/BTC_USDT-1m-2021-02-19_week.json',
    speed: 500, durationMs: 4_000, inspect: false,
    // An early cross-exchange window, so arbitrage earns something the allocator can score.
    onArbitrage: (arbitrage) => arbitrage.windows!.open({ kind: 'cross', venue: 'local-b', symbol: 'BTCUSDT' }, -0.008),
  });
  const store = openStore(dbFile);
  data = readSessionReportData(store, 'report');
  store.close();
  html = renderSessionReport({ summary, data });
});

test('the session report holds every family, the equity samples of the running ones, and every reallocation with its inputs', () => {
  assert.ok(summary.allocator.reallocations.length >= 1, `a reallocation within 4 s: ${JSON.stringify(summary.allocator)}`);
  assert.match(html, /<h1>Paper session report: measured in simulation; not a forecast<\/h1>/);
  for (const family of Object.keys(summary.strategies)) assert.ok(html.includes(`<td>${family}</td>`), `${family} in the families table`);
  assert.match(html, /<td>off: not listed<\/td><td>paper.strategies lists none of quantum-portfolio<\/td>/);
  assert.deepEqual(Object.keys(data.equity).sort(), ['arbitrage', 'market_making'], 'the ledgers\' own marks are not family curves');
  assert.ok(data.equity.arbitrage!.length >= 10, `samples every 200 ms over 4 s: ${data.equity.arbitrage!.length}`);
  assert.deepEqual(data.allocations.map((r) => [r.ts, r.after]), summary.allocator.reallocations.map((r) => [r.ts, r.after]), 'the journal holds the summary\'s reallocations');

  const rows = /<table id="reallocations-table">.*?<tbody>(.*?)<\/tbody>/s.exec(html)![1]!.trim().split('\n');
  assert.equal(rows.length, 2 * data.allocations.length, 'one row per reallocation and running family');
  const first = data.allocations[0]!;
  assert.ok(rows[0]!.includes(`<td>${first.inputs.market_making!.samples}</td>`), rows[0]);
  assert.ok(html.includes(`shrunk Sharpe`) && html.includes(first.detail), 'the inputs and what was done');
  assert.ok(html.includes(summary.allocator.why.replace(/'/g, '&#39;')), 'the allocator\'s why');
  assert.match(html, /<table id="arbitrage-table">.*<td>cross-exchange<\/td>/s);
  assert.doesNotMatch(html, /flash-table/, 'no chain figures without the flash-loan family');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/, 'nothing is loaded from elsewhere');
});

test('the session report opens offline in headless Chromium and draws its equity, P&L and weights charts', { skip: noChromium }, async () => {
  await openReport(html, async (page) => {
    for (const id of ['equity-chart', 'pnl-chart', 'weights-chart']) {
      const box = await page.locator(`#${id} canvas`).boundingBox();
      assert.ok(box && box.width > 100 && box.height > 100, `${id} drew`);
    }
    assert.deepEqual(await page.locator('#equity-chart .u-legend .u-label').allInnerTexts(), ['Time', 'arbitrage', 'market_making']);
  });
});
