import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { storeTiny, trainTinyLstm } from '../support/tiny-lstm.js';
import { tempDbFile } from '../ledger/storage/temp-db.js';
import { ARBITER } from '../support/arbiter-cli.js';

const week = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
const trained = trainTinyLstm(week.candles.slice(0, 400), week.timeframeMs);
const storedIn = async (file: string, enabled: boolean) => storeTiny(file, await trained, enabled);

function backtest(file: string, ...args: string[]) {
  const data = join(dirname(file), 'BTC_USDT-1m.json');
  writeFileSync(data, JSON.stringify(week.candles.slice(400, 1_000).map((c) => [c.ts, c.open, c.high, c.low, c.close, c.volume])));
  // threshold 0 and no pattern actor: the tiny model's calls, however timid, decide; tight target and stop close
  // positions within the slice.
  const params = ['--no-patterns', '--param', 'threshold=0', '--param', 'profitTarget=0.002', '--param', 'stopLoss=0.002', '--capital', '10000'];
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
  assert.match(refused.stderr, new RegExp(`^arbiter backtest: ai cannot trade: no enabled model in .* \\(1 stored\\); the newest, ${id}, is disabled: accuracy 50.4%`));
  const res = backtest(file, '--allow-disabled');
  assert.equal(res.status, 0, res.stderr);
  assert.equal(res.stderr, `warning: ai: trading ${id} is disabled: accuracy 50.4% vs persistence 51.2% (one-sided exact McNemar p = 0.83) (--allow-disabled)\n`);
});
