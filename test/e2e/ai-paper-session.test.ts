import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { defaultConfig, type Config } from '../../config/index.js';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { runPaperSession } from '../../supervisors/run-paper-session.js';
import { storeTiny, trainTinyLstm } from '../support/tiny-lstm.js';
import { tempDbFile } from '../ledger/storage/temp-db.js';

const week = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
// The week's first 4,000 bars, replayed to the end: the same bars whatever the machine's load (a wall-clock
// duration replays fewer bars on a busy machine, and then the model may not have traded yet).
const dataFile = join(mkdtempSync(join(tmpdir(), 'arbiter-ai-paper-')), 'BTC_USDT-1m-head.json');
writeFileSync(dataFile, JSON.stringify(week.candles.slice(0, 4_000).map((c) => [c.ts, c.open, c.high, c.low, c.close, c.volume])));
const base = defaultConfig();
const config = (model: string): Config => ({
  ...base,
  paper: { ...base.paper, strategies: ['ai'] },
  // threshold 0 so the tiny model's calls decide; a tight target and stop keep it trading.
  strategies: { ...base.strategies, ai: { ...base.strategies.ai, model, threshold: 0, profitTarget: 0.002, stopLoss: 0.002 } },
});
const run = (dbFile: string, model = 'best') =>
  runPaperSession({ config: config(model), logger: pino({ level: 'silent' }), dbFile, sessionId: 'ai', dataFile, speed: Number.POSITIVE_INFINITY, inspect: false });

test('the paper session trades ai when its journal holds an enabled model, and says why not when the model is disabled', async () => {
  const tiny = await trainTinyLstm(week.candles.slice(0, 400), week.timeframeMs);
  const enabledDb = tempDbFile();
  storeTiny(enabledDb, tiny, true);
  const summary = await run(enabledDb);
  const ai = summary.strategies.ai_trading;
  assert.ok(ai.enabled, JSON.stringify(ai));
  assert.deepEqual(ai.strategies, ['ai']);
  assert.ok(ai.orders > 0 && ai.fills > 0, `orders ${ai.orders}, fills ${ai.fills}, vetoes ${JSON.stringify(ai.vetoReasons)}`);
  assert.ok(ai.actors.includes('strategy:ai'));

  const disabledDb = tempDbFile();
  const off = storeTiny(disabledDb, tiny, false);
  const refused = (await run(disabledDb, off)).strategies.ai_trading;
  assert.ok(!refused.enabled);
  assert.equal(refused.disabledReason, `${off} is disabled: accuracy 50.4% vs persistence 51.2% (one-sided exact McNemar p = 0.83)`);
});
