import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { spawnArbiter } from '../../support/arbiter-cli.js';

const POOL_3000 = 'data/dex/uniswap_v3_usdc_weth_3000_0x8ad5_2024-01-05_events.csv';

test('arbiter amm replay --json: one line with the counts', async () => {
  const { status, stdout } = await spawnArbiter(['amm', 'replay', '--events', POOL_3000, '--json']);
  assert.equal(status, 0);
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const r = JSON.parse(lines[0]!);
  assert.equal(r.swaps, 266);
  assert.equal(r.reproduced, 266);
  assert.equal(r.mismatches, 0);
  assert.equal(r.firstMismatch, null);
  assert.deepEqual(r.byKind, { exactIn: 232, exactOut: 11, priceLimited: 23 });
  assert.equal(typeof r.inferredCrossings, 'number');
});

test('arbiter amm replay: text table; a malformed row exits 2 naming the file and line', async () => {
  const text = await spawnArbiter(['amm', 'replay', '--events', POOL_3000]);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /266 of 266 swaps reproduced/);
  const dir = mkdtempSync(join(tmpdir(), 'amm-replay-'));
  const bad = join(dir, 'pool_3000_.csv');
  const rows = readFileSync(POOL_3000, 'utf8').split('\n');
  rows[4] = rows[4]!.replace(',SWAP,', ',SWOP,');
  writeFileSync(bad, rows.join('\n'));
  const r = await spawnArbiter(['amm', 'replay', '--events', bad]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, new RegExp(`${bad.replace(/[.]/g, '\\.')} line 5: tx_type "SWOP"`));
  assert.doesNotMatch(r.stderr, /at .*\.js/);
  const missing = await spawnArbiter(['amm', 'replay', '--events', join(dir, 'none_500_.csv')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /none_500_\.csv: cannot read/);
});
