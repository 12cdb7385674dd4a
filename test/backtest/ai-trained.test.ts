import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildFeatureMatrix } from '../../actors/features/build-feature-matrix.js';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { openDatabase } from '../../actors/ledger/storage/database.js';
import { RecurrentModel } from '../../actors/models/recurrent/recurrent-model.js';
import { fitScaler, scaleRow } from '../../actors/models/scaler.js';
import type { Sample } from '../../actors/models/sample.js';
import { saveModel } from '../../actors/models/store/model-store.js';
import { storedModel } from '../support/stand-in-model.js';
import { tempDbFile } from '../ledger/storage/temp-db.js';
import { ARBITER } from '../support/arbiter-cli.js';

const week = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
const WINDOW = 4;

/** A tiny LSTM fitted on the week's first 400 bars (the real model code), saved as the store keeps it. */
async function train() {
  const candles = week.candles.slice(0, 400);
  const matrix = buildFeatureMatrix(candles, { timeframeMs: week.timeframeMs });
  const scaler = fitScaler(matrix.rows.map((r) => r.values));
  const scaled = matrix.rows.map((r) => scaleRow(scaler, r.values));
  const close = new Map(candles.map((c) => [c.ts, c.close]));
  const samples: Sample[] = [];
  for (let t = WINDOW - 1; t + 1 < scaled.length; t++) {
    const now = close.get(matrix.rows[t]!.ts)!;
    const next = close.get(matrix.rows[t + 1]!.ts)!;
    samples.push({ ts: matrix.rows[t]!.ts, window: scaled.slice(t - WINDOW + 1, t + 1), next: scaled[t + 1]!, up: next > now ? 1 : 0, nextReturn: Math.log(next / now) });
  }
  // RecurrentModel itself rather than createModel: the test process need not load tfjs for an LSTM.
  const model = new RecurrentModel('lstm', matrix.features.length, { window: WINDOW, hidden: 3, epochs: 2, learningRate: 0.01, seed: 1 });
  await model.fit(samples);
  return { saved: model.save(), scaler, features: matrix.features };
}
const trained = train();

/** The trained model stored in `file`, enabled or not; its id. */
async function storedIn(file: string, enabled: boolean): Promise<string> {
  const { saved, scaler, features } = await trained;
  const db = openDatabase(file);
  const stored = saveModel(db, storedModel(saved, scaler, { enabled, features }));
  db.close();
  return stored.id;
}

function backtest(file: string, ...args: string[]) {
  const data = join(dirname(file), 'BTC_USDT-1m.json');
  writeFileSync(data, JSON.stringify(week.candles.slice(400, 1_000).map((c) => [c.ts, c.open, c.high, c.low, c.close, c.volume])));
  // threshold 0: the tiny model's calls, however timid, decide; tight target and stop close positions within the slice.
  const params = ['--param', 'threshold=0', '--param', 'profitTarget=0.002', '--param', 'stopLoss=0.002', '--capital', '10000'];
  return spawnSync(process.execPath, [ARBITER, 'backtest', '--strategy', 'ai', '--db', file, '--data', data, ...params, ...args, '--json'], { encoding: 'utf8' });
}

test('arbiter backtest --strategy ai trades a trained, stored LSTM through risk', async () => {
  const file = tempDbFile();
  const id = await storedIn(file, true);
  const res = backtest(file, '--model', id);
  assert.equal(res.status, 0, res.stderr);
  assert.equal(res.stderr, '');
  const out = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { trades: unknown[]; open: unknown[]; bars: number };
  assert.equal(out.bars, 600);
  assert.ok(out.trades.length + out.open.length > 0, `it traded: ${out.trades.length} trades, ${out.open.length} open`);
});

test('--allow-disabled trades a disabled model (best included) and says so once on stderr', async () => {
  const file = tempDbFile();
  const id = await storedIn(file, false);
  const refused = backtest(file);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, new RegExp(`^arbiter backtest: ai cannot trade: no enabled model in .* \\(1 stored\\); the newest, ${id} is disabled: accuracy 50.4%`));
  const res = backtest(file, '--allow-disabled');
  assert.equal(res.status, 0, res.stderr);
  assert.equal(res.stderr, `warning: ai: trading ${id} is disabled: accuracy 50.4% vs persistence 51.2% (one-sided exact McNemar p = 0.83) (--allow-disabled)\n`);
});
