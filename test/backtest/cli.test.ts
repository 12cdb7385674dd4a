import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../support/arbiter-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'arbiter-bt-cli-'));
const arbiter = (...args: string[]) => spawnSync('node', [ARBITER, 'backtest', ...args], { encoding: 'utf8' });

test('arbiter backtest --json: trades, metrics, bars, wallSeconds on the last line; gaps reported on stderr', () => {
  const report = join(dir, 'r.html');
  const res = arbiter('--strategy', 'sma-cross', '--data', 'data/candles/ADA_BTC-5m.json', '--fast', '10', '--slow', '30', '--fee', '0.001', '--json', '--report', report);
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout.trim().split('\n').at(-1)!);
  assert.equal(out.bars, 5720);
  assert.ok(out.wallSeconds > 0);
  assert.ok(out.trades.length > 50);
  for (const k of ['entryTime', 'entryPrice', 'exitTime', 'exitPrice', 'qty', 'pnl']) assert.equal(typeof out.trades[0][k], 'number', k);
  for (const k of ['totalReturn', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'winRate', 'profitFactor']) assert.ok(k in out.metrics, k);
  assert.ok(out.metrics.maxDrawdown < 0);
  assert.ok(Array.isArray(out.open));
  assert.equal(out.gaps.length, 5);
  assert.match(res.stderr, /gap in data\/candles\/ADA_BTC-5m\.json: 33 bar\(s\) missing/);
  assert.deepEqual(out.sensitivity.map((r: { model: string }) => r.model), ['optimistic', 'default', 'pessimistic']);
  const html = readFileSync(report, 'utf8');
  assert.match(html, /<canvas|uPlot/);
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/, 'self-contained: no external scripts or styles');
});

test('a malformed candle file exits 2 naming the file and row; an unknown strategy exits 2', () => {
  const bad = join(dir, 'BAD_X-5m.json');
  writeFileSync(bad, JSON.stringify([[0, 1, 2, 0.5, 1, 1], [300000, 1, 2, 0.5, 'oops', 1]]));
  const res = arbiter('--strategy', 'sma-cross', '--data', bad, '--json');
  assert.equal(res.status, 2);
  assert.match(res.stderr, new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: candle at index 1: close is not a number`));
  const unknown = arbiter('--strategy', 'moon', '--data', 'data/candles/ETH_BTC-5m.json');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown strategy "moon"/);
});
