import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../../support/arbiter-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'arbiter-metrics-'));
const cli = [ARBITER, 'metrics'];

test('arbiter metrics --json prints the metrics as the last line', () => {
  const file = join(dir, 'r.json');
  writeFileSync(file, JSON.stringify([0.1, -0.05, 0.02, -0.1, 0.05]));
  const out = execFileSync('node', [...cli, '--returns', file, '--periods-per-year', '252', '--json'], { encoding: 'utf8' });
  const m = JSON.parse(out.trim().split('\n').at(-1)!);
  assert.ok(Math.abs(m.maxDrawdown - (0.95931 / 1.1 - 1)) < 1e-12);
  assert.ok(Math.abs(m.sortino - (0.004 / 0.05) * Math.sqrt(252)) < 1e-9);
  for (const k of ['totalReturn', 'cagr', 'annualVolatility', 'sharpe', 'calmar', 'winRate', 'profitFactor', 'expectancy', 'exposure', 'turnover']) assert.ok(k in m, k);
});

test('a malformed returns file exits 2 naming the file and row', () => {
  const file = join(dir, 'bad.json');
  writeFileSync(file, '[0.1, "x"]');
  const res = spawnSync('node', [...cli, '--returns', file, '--periods-per-year', '252', '--json'], { encoding: 'utf8' });
  assert.equal(res.status, 2);
  assert.match(res.stderr, /bad\.json: return at index 1:/);
});
