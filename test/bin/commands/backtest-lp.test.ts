import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnArbiter } from '../../support/arbiter-cli.js';

const E500 = 'data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv';
const E3000 = 'data/dex/uniswap_v3_usdc_weth_3000_0x8ad5_2024-01-05_events.csv';
const LP = ['backtest', '--strategy', 'amm-lp', '--events', E500, '--events', E3000];

type Run = Awaited<ReturnType<typeof spawnArbiter>>;

function refused(res: Run, ...patterns: RegExp[]): void {
  assert.equal(res.status, 2, res.stderr);
  for (const p of patterns) assert.match(res.stderr, p);
  assert.doesNotMatch(res.stderr, /^\s+at /m, 'no stack trace');
  assert.equal(res.stdout, '', 'nothing ran');
}

test('arbiter backtest --strategy amm-lp --events … replays the recorded day: JSON and the table', async () => {
  const [json, text] = await Promise.all([spawnArbiter([...LP, '--json']), spawnArbiter([...LP, '--no-progress'])]);
  assert.equal(json.status, 0, json.stderr);
  const r = JSON.parse(json.stdout);
  assert.equal(r.strategy, 'amm-lp');
  assert.deepEqual(r.files, [E500, E3000]);
  assert.equal(r.blocks, 4_019);
  assert.equal(r.swaps, 6_313);
  assert.equal(r.capital, 100_000);
  assert.equal(r.gasPriceGwei, 20);
  assert.ok(Math.abs(r.depositUsd - 9_000) < 1e-6, `deposit ${r.depositUsd}`);
  assert.equal(typeof r.lp.opened, 'number');
  assert.ok(r.lp.opened >= 1);
  assert.ok(Math.abs(r.equityEnd - r.capital - r.lp.pnlUsd) < 0.01);
  assert.equal(typeof r.baselines.passive.pnlUsd, 'number');
  assert.equal(r.baselines.passive.fee, 500);
  assert.ok(r.baselines.hold.depositedUsd > 8_999 && r.baselines.hold.depositedUsd < 9_001);

  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^amm-lp on 2 pool\(s\), 2024-01-05 00:00 → 23:59 UTC: 4,019 blocks, 6,313 swaps, gas at 20 gwei/m);
  assert.match(text.stdout, /^deposit \$9,000\.00 a position, on capital \$100,000\.00/m);
  assert.match(text.stdout, /^\s+positions\s+fees\s+IL\s+gas\s+P&L$/m);
  const usd = (v: number) => `${v < 0 ? '−' : ''}\\$${Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  assert.match(text.stdout, new RegExp(`^amm-lp\\s+${r.lp.opened}\\s+${usd(r.lp.feesUsd)}\\s+.*${usd(r.pnlUsd)}$`, 'm'));
  assert.match(text.stdout, new RegExp(`^passive \\(never moves\\)\\s+1\\s+${usd(r.baselines.passive.feesUsd)}\\s+.*${usd(r.baselines.passive.pnlUsd)}$`, 'm'));
  assert.match(text.stdout, new RegExp(`^hold the first deposit\\s+0\\s+${usd(r.baselines.hold.pnlUsd)}$`, 'm'));
  assert.match(text.stdout, /^risk: \d+ orders, \d+ fills, \d+ vetoes/m);
});

test('amm-lp refuses candle flags, a missing --events and unknown parameters; --events is refused for a candle strategy', async () => {
  const [data, none, param, smaCross] = await Promise.all([
    spawnArbiter([...LP, '--data', 'x.json']),
    spawnArbiter(['backtest', '--strategy', 'amm-lp']),
    spawnArbiter([...LP, '--param', 'halfWidth=3']),
    spawnArbiter(['backtest', '--strategy', 'sma-cross', '--events', E500]),
  ]);
  refused(data, /--data: not for amm-lp/);
  refused(none, /--events <csv> is required for amm-lp/);
  refused(param, /--param halfWidth: unknown parameter of amm-lp; known: halfWidthTicks,/);
  refused(smaCross, /--events and --gas-price-gwei are for a strategy on recorded swaps \(amm-lp\)/);
});

test('amm-lp --report writes one offline page with the JSON\'s numbers and the day\'s series; --json stays one small line; a bad path exits 2', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'arbiter-lp-report-')), 'lp.html');
  const [res, bad] = await Promise.all([spawnArbiter([...LP, '--json', '--report', file]), spawnArbiter([...LP, '--report', '/no/such/dir/lp.html'])]);
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stderr, new RegExp(`report written to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const line = res.stdout.trim();
  assert.equal(line.split('\n').length, 1, 'one JSON line');
  assert.ok(line.length < 10_000, `--json carries no series: ${line.length} chars`);
  const r = JSON.parse(line);
  assert.equal(r.timeline, undefined);
  const html = readFileSync(file, 'utf8');
  const usd = (v: number) => `${v < 0 ? '−' : ''}$${Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  for (const v of [r.lp.feesUsd, r.lp.ilUsd, r.lp.gasUsd, r.pnlUsd, r.baselines.passive.pnlUsd, r.baselines.hold.pnlUsd]) assert.ok(html.includes(`<td>${usd(v)}</td>`), `the table shows ${usd(v)}`);
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/, 'nothing fetched');
  const data = JSON.parse(html.match(/<script id="lp-data" type="application\/json">([\s\S]*?)<\/script>/)![1]!);
  assert.ok(data.ts.length > 1_000 && data.ts.length <= 2_000, `thinned: ${data.ts.length} points`);
  assert.equal(data.strategy.at(-1), r.pnlUsd, 'the strategy\'s curve ends at its P&L');
  assert.equal(data.passive.at(-1), r.baselines.passive.pnlUsd);
  assert.equal(data.hold.at(-1), r.baselines.hold.pnlUsd);
  assert.equal(data.strategy[0], 0, 'nothing at stake before the first block');
  assert.equal(data.ranges.length, r.lp.opened + 1, 'each round and the passive range');
  assert.equal(data.opened.filter((v: number | null) => v !== null).length, r.lp.opened);
  assert.ok(data.price.every((p: number) => p > 2_000 && p < 2_500), 'ETH in dollars on 2024-01-05');
  refused(bad, /--report \/no\/such\/dir\/lp\.html: directory \/no\/such\/dir does not exist/);
});
