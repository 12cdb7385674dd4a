import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { ARBITER } from '../../support/arbiter-cli.js';

const cli = (args: string[]) => spawnSync(process.execPath, [ARBITER, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'arbiter-train-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const slice = join(dir, 'BTC_USDT-1m-600.json');
writeFileSync(slice, JSON.stringify((JSON.parse(readFileSync('data/candles/BTC_USDT-1m-2021-02-19_week.json', 'utf8')) as unknown[]).slice(0, 600)));
const db = join(dir, 'models.db');
const TINY = ['--walk-forward', '--train-bars', '200', '--test-bars', '150', '--window', '4', '--hidden', '3', '--epochs', '2'];

interface TrainJson {
  model: string;
  features: string[];
  folds: { trainStart: number; trainEnd: number; testStart: number; testEnd: number; accuracy: number; baselineAccuracy: number; samples: number }[];
  outOfSample: { accuracy: number; baselineAccuracy: number; samples: number; brier: number };
  enabled: boolean;
  reason: string;
  modelId: string | null;
}

test('train --json walks forward in a worker of the compiled CLI, stores the model, and models --json lists it', () => {
  const report = join(dir, 'train.html');
  const oi = 'data/futures/btc_open_interest_usd_daily_2019-03-30_2024-11-20.csv';
  const res = cli(['train', '--model', 'gru', '--data', slice, '--open-interest', oi, ...TINY, '--db', db, '--report', report, '--json']);
  assert.equal(res.status, 0, res.stderr);
  const lines = res.stdout.trim().split('\n');
  const out = JSON.parse(lines[lines.length - 1]!) as TrainJson;

  assert.equal(out.model, 'gru');
  assert.ok(out.features.length >= 8 && !out.features.includes('close'), out.features.join(', '));
  assert.ok(out.features.includes('oi_log_change_1d'), 'the open-interest features come with --open-interest');
  assert.equal(out.folds.length, 2);
  for (const f of out.folds) {
    assert.deepEqual(Object.keys(f).slice(0, 7), ['trainStart', 'trainEnd', 'testStart', 'testEnd', 'accuracy', 'baselineAccuracy', 'samples']);
    assert.ok(f.trainStart < f.trainEnd && f.trainEnd < f.testStart && f.testStart < f.testEnd);
    assert.equal(f.samples, 150);
  }
  assert.equal(out.outOfSample.samples, 300);
  assert.ok(out.outOfSample.accuracy >= 0 && out.outOfSample.accuracy <= 1 && out.outOfSample.brier >= 0);
  assert.equal(typeof out.enabled, 'boolean');
  assert.match(out.reason, /^accuracy \d+\.\d% vs \S+ \d+\.\d% on 300 samples: .*McNemar p = /);
  assert.match(out.modelId ?? '', /^gru-[0-9a-f]{8}$/);
  const html = readFileSync(report, 'utf8');
  for (const id of ['folds-chart', 'calibration-chart', 'equity-chart']) assert.ok(html.includes(`id="${id}"`), id);

  const listed = cli(['models', '--db', db, '--json']);
  assert.equal(listed.status, 0, listed.stderr);
  const { models } = JSON.parse(listed.stdout) as { models: { id: string; kind: string; features: string[]; accuracy: number; samples: number; enabled: boolean; reason: string; data: { rows: number; sha256: string } }[] };
  assert.equal(models.length, 1);
  assert.deepEqual(
    { id: models[0]!.id, kind: models[0]!.kind, features: models[0]!.features, accuracy: models[0]!.accuracy, samples: models[0]!.samples, enabled: models[0]!.enabled, reason: models[0]!.reason },
    { id: out.modelId, kind: 'gru', features: out.features, accuracy: out.outOfSample.accuracy, samples: 300, enabled: out.enabled, reason: out.reason },
  );
  assert.equal(models[0]!.data.rows, 600);
  assert.match(models[0]!.data.sha256, /^[0-9a-f]{64}$/);

  const table = cli(['models', '--db', db]);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^id\s+kind\s+created\s+features/m);
  assert.ok(table.stdout.includes(out.modelId!));
});

test('--no-save stores nothing', () => {
  const none = join(dir, 'none.db');
  const res = cli(['train', '--model', 'lstm', '--data', slice, ...TINY, '--db', none, '--no-save', '--json']);
  assert.equal(res.status, 0, res.stderr);
  assert.equal((JSON.parse(res.stdout.trim().split('\n').pop()!) as TrainJson).modelId, null);
  assert.ok(!existsSync(none));
});

test('without --data the bars come from --trades, so the book and taker-flow features of the recording are used', () => {
  const trades = 'data/futures/binance_usdm_btcusdt_trades_2024-08-08T2354Z_6min.csv';
  const books = 'data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_6min.txt.gz';
  const res = cli(['train', '--model', 'gru', '--trades', trades, '--books', books, '--walk-forward', '--train-bars', '120', '--test-bars', '40', '--window', '4', '--hidden', '3', '--epochs', '1', '--no-save', '--json']);
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout.trim().split('\n').pop()!) as TrainJson & { data: { file: string; timeframeMs: number } };
  for (const f of ['bid_depth_10bp', 'spread_rel', 'depth_imbalance_50bp', 'cvd', 'taker_imbalance']) assert.ok(out.features.includes(f), `${f} in ${out.features.join(', ')}`);
  assert.deepEqual({ file: out.data.file, timeframeMs: out.data.timeframeMs }, { file: trades, timeframeMs: 1_000 });
  assert.ok(out.folds.length >= 2 && out.folds.every((f) => f.testEnd - f.testStart === 39_000), JSON.stringify(out.folds));

  const missing = cli(['train', '--model', 'gru', '--no-save']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--data <candles\.json> is required, or --trades <file\.csv> to build the bars from/);
});
