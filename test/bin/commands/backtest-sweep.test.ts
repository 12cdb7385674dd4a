import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../../support/arbiter-cli.js';

const ARGS = [ARBITER, 'backtest'];
const backtest = (...args: string[]) => spawnSync(process.execPath, [...ARGS, ...args], { encoding: 'utf8' });

function refused(res: ReturnType<typeof backtest>, ...patterns: RegExp[]): void {
  assert.equal(res.status, 2, res.stderr);
  for (const p of patterns) assert.match(res.stderr, p);
  assert.doesNotMatch(res.stderr, /^\s+at /m, 'no stack trace');
  assert.doesNotMatch(res.stderr, /runs on \d+ worker/, 'refused before any worker started');
}

/** The first 600 bars of ETH/BTC 5m: a sweep of it takes a few seconds. */
const DATA = join(mkdtempSync(join(tmpdir(), 'arbiter-sweep-cli-')), 'ETH_BTC-5m.json');
writeFileSync(DATA, JSON.stringify((JSON.parse(readFileSync('data/candles/ETH_BTC-5m.json', 'utf8')) as unknown[]).slice(0, 600)));

interface SweepJson {
  runs: Array<{ params: Record<string, number>; trades: number; metrics: Record<string, number | null> }>;
  best: { params: Record<string, number>; metrics: Record<string, number | null> } | null;
  rank: { metric: string; better: string };
  skipped: number;
  workers: number;
  wallSeconds: number;
}

test('--sweep on 2 workers: every valid combination in grid order, fast ≥ slow skipped and said, best by --rank, one JSON line', () => {
  const res = backtest('--strategy', 'sma-cross', '--data', DATA, '--sweep', 'fast=5:15:5', '--sweep', 'slow=15,25', '--workers', '2', '--rank', 'maxDrawdown', '--json');
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as SweepJson;
  assert.deepEqual(out.runs.map((r) => [r.params.fast, r.params.slow]), [[5, 15], [5, 25], [10, 15], [10, 25], [15, 25]]);
  assert.equal(out.skipped, 1);
  assert.match(res.stderr, /skipped 1 of 6 combinations that sma-cross rejects, e\.g\. fast=15 slow=15: fast: must be shorter than slow \(15\)/);
  assert.equal(out.workers, 2);
  assert.ok(out.wallSeconds > 0);
  assert.deepEqual(out.rank, { metric: 'maxDrawdown', better: 'higher' });
  const shallowest = Math.max(...out.runs.map((r) => r.metrics.maxDrawdown!));
  assert.equal(out.best!.metrics.maxDrawdown, shallowest);
  assert.equal(new Set(out.runs.map((r) => JSON.stringify(r.metrics))).size, out.runs.length, 'each run its own result');
});

test('without --json: a table of the swept parameters and metrics, the best marked', () => {
  const res = backtest('--strategy', 'sma-cross', '--data', DATA, '--fast', '5', '--sweep', 'slow=20,30', '--workers', '1');
  assert.equal(res.status, 0, res.stderr);
  const lines = res.stdout.trim().split('\n');
  assert.match(lines[0]!, /^2 runs on 1 worker, [\d.]+ s; best by sharpe \(higher is better\) marked \*$/);
  assert.match(lines[1]!, /^\s+slow\s+trades\s+totalReturn\s+sharpe\s+maxDrawdown\s+winRate$/);
  assert.equal(lines.slice(2).filter((l) => l.startsWith('*')).length, 1);
  assert.match(lines[2]!, /^\*?\s+20\s+\d+/);
});

test('a bad sweep, and flags that conflict with --sweep, exit 2 before any worker starts', () => {
  refused(backtest('--strategy', 'sma-cross', '--data', DATA, '--sweep', 'fast=5:20:0', '--sweep', 'slow=9:1:1'), /--sweep fast: step must be > 0 \(got 0\)/, /--sweep slow: start 9 is after stop 1/);
  refused(backtest('--strategy', 'sma-cross', '--data', DATA, '--sweep', 'fast=5,10', '--fast', '7'), /--sweep fast: also given as --fast; give one or the other/);
  refused(backtest('--strategy', 'sma-cross', '--data', DATA, '--sweep', 'fast=5,10', '--report', join(tmpdir(), 'r.html')), /'--sweep <key=range>' cannot be used with option '--report/);
  refused(backtest('--strategy', 'sma-cross', '--data', DATA, '--workers', '2'), /--workers needs --sweep/);
});

test('SIGINT during a sweep terminates the workers and exits 130', async () => {
  const child = spawn(process.execPath, [...ARGS, '--strategy', 'sma-cross', '--data', DATA, '--sweep', 'fast=2:20:1', '--sweep', 'slow=30,40', '--workers', '2', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) =>
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      if (/runs on 2 workers/.test(stderr)) resolve();
    }),
  );
  child.kill('SIGINT');
  assert.equal(await exited, 130, stderr);
  assert.match(stderr, /SIGINT: sweep stopped after \d+ of 38 runs; workers terminated/);
  assert.equal(stdout, '', 'no result line');
});
