import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';
import { ARBITER } from '../../support/arbiter-cli.js';

const cli = (args: string[]) => spawnSync(process.execPath, [ARBITER, 'patterns', ...args], { encoding: 'utf8' });
const cliAsync = (args: string[]) =>
  new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [ARBITER, 'patterns', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
const lastJson = (stdout: string): unknown => JSON.parse(stdout.trim().split('\n').pop()!);
const WEEK = 'data/candles/BTC_USDT-1m-2021-02-19_week.json';
const TRADES = 'data/futures/binance_usdm_btcusdt_trades_2024-08-08T2354Z_6min.csv';
const BOOKS = 'data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_6min.txt.gz';

interface Out {
  patterns: { family: string; name: string; direction: string; points: { label: string; ts: number; price: number }[]; ratios: Record<string, number>; invalidation: number; confirmedAt: number }[];
  swings: number;
  microstructure: Record<string, unknown> & { vpin?: { last: number; min: number; max: number; buckets: number } | null; kyleLambda?: { slope: number; n: number } | null };
}

test('patterns --json on the BTC week: patterns of the issue shape, every point inside the data', () => {
  const res = cli(['--data', WEEK, '--json']);
  assert.equal(res.status, 0, res.stderr);
  const out = lastJson(res.stdout) as Out;
  assert.ok(out.patterns.length > 0 && out.swings > 0);
  const { candles } = loadCandles(WEEK);
  const [from, to] = [candles[0]!.ts, candles[candles.length - 1]!.ts];
  for (const p of out.patterns) {
    assert.ok(['harmonic', 'elliott', 'wyckoff'].includes(p.family), p.family);
    assert.ok(['bullish', 'bearish'].includes(p.direction));
    assert.equal(typeof p.name, 'string');
    assert.equal(typeof p.ratios, 'object');
    assert.equal(typeof p.invalidation, 'number');
    assert.ok(p.confirmedAt >= from && p.confirmedAt <= to);
    for (const q of p.points) {
      assert.deepEqual(Object.keys(q), ['label', 'ts', 'price']);
      assert.ok(q.ts >= from && q.ts <= to, `${p.name} ${q.label}`);
    }
  }
  assert.deepEqual(out.microstructure, {}, 'no books or trades: no microstructure');
});

test('patterns --trades --books builds bars from the trades and summarizes the microstructure', () => {
  const res = cli(['--trades', TRADES, '--books', BOOKS, '--json']);
  assert.equal(res.status, 0, res.stderr);
  const m = (lastJson(res.stdout) as Out).microstructure;
  assert.ok(m.vpin, 'vpin');
  for (const v of [m.vpin.last, m.vpin.min, m.vpin.max]) assert.ok(v >= 0 && v <= 1, `VPIN ${v}`);
  assert.ok(m.vpin.min <= m.vpin.last && m.vpin.last <= m.vpin.max);
  assert.ok(m.kyleLambda && m.kyleLambda.slope > 0 && m.kyleLambda.n > 30, JSON.stringify(m.kyleLambda));
  for (const k of ['ofi', 'spread', 'depthImbalance', 'tradeSignAutocorrelation']) assert.ok(m[k], k);
});

test('human output lists the patterns and counts them by family', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-patterns-'));
  const slice = join(dir, 'BTC_USDT-1m-1500.json');
  writeFileSync(slice, JSON.stringify((JSON.parse(readFileSync(WEEK, 'utf8')) as unknown[]).slice(0, 1500)));
  const res = cli(['--data', slice, '--zigzag', '0.5']);
  rmSync(dir, { recursive: true, force: true });
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /^family\s+name\s+direction\s+confirmed at\s+invalidation/m);
  assert.match(res.stdout, /\d+ patterns \(\d+ harmonic, \d+ elliott, \d+ wyckoff\) from \d+ swings over 1500 bars/);
});

test('a bad flag or file exits 2 naming it', async () => {
  const cases: [string[], RegExp][] = [
    [['--data', 'no/such.json'], /no\/such\.json/],
    [['--data', WEEK, '--books', 'no/such.txt'], /no\/such\.txt/],
    [['--data', WEEK, '--zigzag', '-1'], /--zigzag/],
  ];
  // Run side by side: each is mostly the CLI's start-up.
  const results = await Promise.all(cases.map(([args]) => cliAsync(args)));
  cases.forEach(([args, message], i) => {
    const res = results[i]!;
    assert.equal(res.status, 2, `${args.join(' ')}: ${res.stderr}`);
    assert.match(res.stderr, message);
    assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
  });
});
