import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A test's `skip` option: false when chromium is installed (.ci/run installs it), else why the test cannot run. */
export const noChromium = existsSync(CHROMIUM) ? false : `chromium is not installed at ${CHROMIUM}: run .ci/install-chromium.sh`;

/**
 * Opens an HTML report from a file in headless Chromium, waits for its charts (`body[data-charts="ready"]`), checks it
 * raised no error and fetched nothing from elsewhere, then hands the page to `check`.
 */
export async function openReport(html: string, check: (page: Page) => Promise<void>): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'arbiter-report-')), 'report.html');
  writeFileSync(file, html);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-charts="ready"]');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), [], 'the report must not fetch anything');
    await check(page);
  } finally {
    await browser.close();
  }
}
