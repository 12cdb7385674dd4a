import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { ARBITER } from '../../support/arbiter-cli.js';

const cli = (args: string[]) => spawnSync(process.execPath, [ARBITER, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'arbiter-train-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const slice = join(dir, 'BTC_USDT-1m-600.json');
writeFileSync(slice, JSON.stringify((JSON.parse(readFileSync('data/candles/BTC_USDT-1m-2021-02-19_week.json', 'utf8')) as unknown[]).slice(0, 600)));

test('bad input exits 2 with one message naming the flag or file, no stack trace', () => {
  const cases: [string[], RegExp][] = [
    [['--data', join(dir, 'missing.json')], /^arbiter train: .*missing\.json: cannot read candle file/],
    [['--data', slice, '--train-bars', '5000'], /^arbiter train: --train-bars 5000 --test-bars 150: the data has \d+ feature rows/],
    [['--data', slice, '--heads', '2'], /^arbiter train: invalid lstm hyperparameters: 1 issue\nheads: only the transformer has attention heads/],
    [['--data', slice, '--timeframe', '5m'], /^arbiter train: --timeframe 5m: .* has bars 1m apart/],
  ];
  for (const [args, expected] of cases) {
    const res = cli(['train', '--model', 'lstm', '--walk-forward', '--train-bars', '200', '--test-bars', '150', '--window', '4', '--epochs', '1', '--no-save', ...args]);
    assert.equal(res.status, 2, `${args.join(' ')}: ${res.stderr}`);
    assert.match(res.stderr, expected);
    assert.ok(!/\n\s+at /.test(res.stderr), `no stack trace: ${res.stderr}`);
  }
});

test('models on a file that does not exist lists none and creates nothing', () => {
  const none = join(dir, 'none.db');
  const listed = cli(['models', '--db', none, '--json']);
  assert.equal(listed.status, 0, listed.stderr);
  assert.deepEqual((JSON.parse(listed.stdout) as { models: unknown[] }).models, []);
  assert.ok(!existsSync(none));
});
