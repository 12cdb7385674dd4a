import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PatternEvaluation } from '../../../actors/patterns/evaluation/evaluate-patterns.js';
import { ARBITER } from '../../support/arbiter-cli.js';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';
import { streamSignals } from '../../../actors/patterns/stream-signals.js';

const WEEK = 'data/candles/BTC_USDT-1m-2021-02-19_week.json';
const cli = (args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [ARBITER, 'patterns', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
const lastJson = (stdout: string): unknown => JSON.parse(stdout.trim().split('\n').pop()!);

test('patterns --evaluate on 3,000 bars of the BTC week: every pattern counted or dropped, a table with its footer, bad horizons exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-patterns-eval-'));
  const slice = join(dir, 'BTC_USDT-1m-3000.json');
  writeFileSync(slice, JSON.stringify((JSON.parse(readFileSync(WEEK, 'utf8')) as unknown[]).slice(0, 3000)));
  // Side by side: each run is mostly the CLI's start-up.
  const [json, human, zero, alone, tooLong] = await Promise.all([
    cli(['--data', slice, '--evaluate', '--horizon', '5,30', '--json']),
    cli(['--data', slice, '--evaluate']),
    cli(['--data', slice, '--evaluate', '--horizon', '0']),
    cli(['--data', slice, '--horizon', '5']),
    cli(['--data', slice, '--evaluate', '--horizon', '3000']),
  ]);
  // What a pattern actor would announce on the slice: the patterns evaluated.
  const signals = streamSignals(loadCandles(slice).candles);
  rmSync(dir, { recursive: true, force: true });

  for (const res of [json, human]) assert.equal(res.status, 0, res.stderr);

  const { evaluation } = lastJson(json.stdout) as { evaluation: PatternEvaluation };
  assert.equal(evaluation.bars, 3000);
  assert.deepEqual(evaluation.horizons.map((h) => h.horizon), [5, 30]);
  for (const h of [5, 30]) {
    const rows = evaluation.kinds.filter((k) => k.horizon === h);
    assert.equal(rows.reduce((s, k) => s + k.n + k.dropped, 0), signals.length, `every pattern at h ${h}`);
    for (const k of rows) assert.equal(k.n + k.dropped, signals.filter((p) => p.family === k.family && p.name === k.name && p.direction === k.direction).length);
  }
  assert.equal(evaluation.method.tests, evaluation.kinds.filter((k) => k.n >= 10).length);

  assert.match(human.stdout, /^kind\s+n\s+mean fwd\s+signed\s+uncond\.\s+diff\s+95% CI of diff\s+hit\s+uncond\. hit\s+verdict\s+Bonferroni$/m);
  assert.match(human.stdout, /^3,000 bars of .*; forward log return over 10 bars/m);
  assert.match(human.stdout, /^CI: stationary bootstrap .* 10,000 draws, seed 13, mean block \d+ bars at h 10$/m);
  assert.match(human.stdout, /^\d+ of \d+ kind × horizon rows with n ≥ 10 show an edge at 95%; \d+ after Bonferroni/m);

  for (const [res, message] of [[zero, /--horizon/], [alone, /--horizon: only with --evaluate/], [tooLong, /--horizon 3000: .* has only 3000 bars/]] as const) {
    assert.equal(res.status, 2, res.stderr);
    assert.match(res.stderr, message);
    assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
  }
});
