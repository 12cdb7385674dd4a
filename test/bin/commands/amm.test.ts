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

const POOL_500 = 'data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv';

test('arbiter amm fees --json covers both pools: the issue\'s keys, which tier paid better, what the advisor would choose', async () => {
  const { status, stdout, stderr } = await spawnArbiter(['amm', 'fees', '--events', POOL_500, POOL_3000, '--json']);
  assert.equal(status, 0, stderr);
  const r = JSON.parse(stdout.trim().split('\n').at(-1)!);
  assert.deepEqual(r.pools.map((p: { feeTier: number }) => p.feeTier), [500, 3000]);
  for (const p of r.pools) {
    for (const key of ['pool', 'feeTier', 'volumeUsd', 'feesUsd', 'volatility', 'utilization', 'lvrUsd', 'ilUsd', 'lpNetUsd', 'recommendedFee', 'seedFormulaFee']) assert.ok(key in p, `${key} in ${Object.keys(p)}`);
    assert.ok(p.volumeUsd > 1e6 && p.feesUsd > 0 && p.lvrUsd > 0 && p.ilUsd <= 0);
  }
  assert.ok(r.pools[0].volumeUsd > r.pools[1].volumeUsd, 'the 0.05% pool trades more');
  assert.ok([500, 3000].includes(r.betterTier));
  assert.equal(r.advisorWouldChoose.from, POOL_500);
  assert.equal(r.advisorWouldChoose.agrees, r.advisorWouldChoose.tier === r.betterTier);
});

test('arbiter amm fees: a range that is not a multiple of a pool\'s tick spacing exits 2 naming it', async () => {
  const res = await spawnArbiter(['amm', 'fees', '--events', POOL_3000, '--half-width-ticks', '250']);
  assert.equal(res.status, 2);
  assert.match(res.stderr, /--half-width-ticks 250: not a multiple of .*tick spacing 60/);
});

test('arbiter amm fees --report writes one offline HTML file and says where', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'amm-fees-')), 'fees.html');
  const res = await spawnArbiter(['amm', 'fees', '--events', POOL_3000, '--report', out]);
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stderr, /report written to .*fees\.html/);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<h1>AMM fee report<\/h1>/);
  assert.doesNotMatch(html, /<script src=/, 'nothing loaded from elsewhere');
});
