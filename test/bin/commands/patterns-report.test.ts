import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnArbiter } from '../../support/arbiter-cli.js';

const WEEK = 'data/candles/BTC_USDT-1m-2021-02-19_week.json';

const patterns = (args: string[]) => spawnArbiter(['patterns', ...args]);

test('patterns --report writes the HTML report with a row per pattern; an unwritable path exits 2 in one line, writing nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-patterns-report-'));
  try {
    const slice = join(dir, 'btc-1500.json');
    writeFileSync(slice, JSON.stringify((JSON.parse(readFileSync(WEEK, 'utf8')) as unknown[]).slice(0, 1500)));
    const report = join(dir, 'patterns.html');
    const missing = join(dir, 'no-such-dir', 'patterns.html');
    const [ok, refused] = await Promise.all([
      patterns(['--data', slice, '--zigzag', '0.5', '--report', report, '--json']),
      patterns(['--data', slice, '--report', missing]),
    ]);

    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stderr, new RegExp(`report written to ${report}`));
    const out = JSON.parse(ok.stdout.trim().split('\n').pop()!) as { patterns: unknown[] };
    const html = readFileSync(report, 'utf8');
    assert.equal(html.match(/<tr data-pattern=/g)?.length, out.patterns.length);
    assert.match(html, /btc-1500\.json: 1500 bars from 2021-02-19 00:00Z/);
    assert.doesNotMatch(html, /<script src=|<link /, 'everything inlined');

    assert.equal(refused.status, 2, refused.stderr);
    assert.equal(refused.stderr, `arbiter patterns: --report ${missing}: directory ${join(dir, 'no-such-dir')} does not exist\n`);
    assert.equal(refused.stdout, '', 'refused before the scan');
    assert.deepEqual(readdirSync(dir).sort(), ['btc-1500.json', 'patterns.html']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
