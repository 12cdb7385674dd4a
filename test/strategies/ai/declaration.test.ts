import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../actors/ledger/storage/database.js';
import { saveModel } from '../../../actors/models/store/model-store.js';
import { FEATURE_CATALOG } from '../../../actors/features/catalog.js';
import { declarationOf } from '../../../actors/strategies/catalogue/catalogue.js';
import { describeStrategy } from '../../../actors/strategies/catalogue/describe-strategy.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { aiParams } from '../../../actors/strategies/ai/params.js';
import { CANDLE_FEATURES, StandInModel, storedModel } from '../../support/stand-in-model.js';
import { tempDbFile } from '../../ledger/storage/temp-db.js';

const ai = declarationOf('ai');
const params = (model = 'best') => aiParams.parse({ model });
const saved = new StandInModel(CANDLE_FEATURES.length, { window: 2, hidden: 1, epochs: 1, learningRate: 0.1 }, 5).save();
const scaler = { min: CANDLE_FEATURES.map(() => 0), max: CANDLE_FEATURES.map(() => 1) };
const at = (ms: number) => ({ now: () => ms });

test('the catalogue lists ai in ai_trading, in the default paper session, runnable everywhere, with every parameter described', () => {
  const d = describeStrategy(ai);
  assert.equal(d.family, 'ai_trading');
  assert.deepEqual(d.runs, ['backtest', 'paper', 'live']);
  assert.notEqual(ai.inDefaultSession, false);
  assert.equal(d.configKey, 'strategies.ai');
  assert.deepEqual(d.params.map((p) => p.name), ['model', 'threshold', 'profitTarget', 'stopLoss', 'maxRisk', 'regimes', 'patternBars', 'fraction']);
  assert.deepEqual(d.params.find((p) => p.name === 'regimes')!.default, ['trending-up', 'trending-down', 'ranging']);
});

test('unavailable says why: no journal, no model, an unknown id, a disabled model, features the run lacks', () => {
  assert.match(ai.unavailable!(params(), {})!, /^no stored model \(the run has no journal\): train one: arbiter train --model lstm --data <candles.json> --walk-forward$/);
  const file = tempDbFile();
  assert.match(ai.unavailable!(params(), { dbFile: file })!, /no stored model in .*arbiter\.db \(no such file\): train one/);

  const db = openDatabase(file);
  assert.match(ai.unavailable!(params(), { dbFile: file })!, /^no stored model in .*arbiter\.db: train one/);
  const off = saveModel(db, storedModel(saved, scaler, { enabled: false }), at(1));
  const news = saveModel(db, storedModel(saved, scaler, { features: [...CANDLE_FEATURES.slice(1), FEATURE_CATALOG.find((f) => f.name === 'news_score')!] }), at(2));
  db.close();

  assert.equal(ai.unavailable!(params(off.id), { dbFile: file }), `${off.id} is disabled: accuracy 50.4% vs persistence 51.2% (one-sided exact McNemar p = 0.83)`);
  assert.equal(ai.unavailable!(params(off.id), { dbFile: file, allowDisabledModels: true }), undefined, '--allow-disabled trades it');
  assert.match(ai.unavailable!(params('lstm-ffffffff'), { dbFile: file })!, new RegExp(`^model "lstm-ffffffff" is not in .*; stored: ${news.id}, ${off.id}$`));
  assert.equal(ai.unavailable!(params(news.id), { dbFile: file }), `${news.id} needs news_score (news), which the run lacks: the ai strategy computes features from its candles alone`);
  assert.equal(ai.unavailable!(params(), { dbFile: file }), `${news.id} needs news_score (news), which the run lacks: the ai strategy computes features from its candles alone`, 'best is the enabled one');

  const onlyOff = tempDbFile();
  const db2 = openDatabase(onlyOff);
  const off2 = saveModel(db2, storedModel(saved, scaler, { enabled: false, reason: 'accuracy 49.9% vs majority 52.0% (one-sided exact McNemar p = 0.91)' }), at(1));
  db2.close();
  assert.match(ai.unavailable!(params(), { dbFile: onlyOff })!, new RegExp(`^no enabled model in .* \\(1 stored\\); the newest, ${off2.id}, is disabled: accuracy 49.9% vs majority 52.0%`));
});

test('a model trained on bars of another length is refused, even with --allow-disabled', () => {
  const file = tempDbFile();
  const db = openDatabase(file);
  const m = saveModel(db, storedModel(saved, scaler, { timeframeMs: 60_000 }), at(1));
  db.close();
  assert.equal(ai.unavailable!(params(m.id), { dbFile: file, timeframeMs: 60_000 }), undefined);
  assert.equal(ai.unavailable!(params(m.id), { dbFile: file, timeframeMs: 300_000, allowDisabledModels: true }), `${m.id} was trained on 1m bars; this run's are 5m`);
  assert.equal(ai.unavailable!(params(), { dbFile: file, timeframeMs: 1_000 }), `${m.id} was trained on 1m bars; this run's are 1s`);
});

test('prepare refuses what unavailable refuses; the actor is built only from what prepare loaded', async () => {
  const file = tempDbFile();
  const db = openDatabase(file);
  const off = saveModel(db, storedModel(saved, scaler, { enabled: false }), at(1));
  db.close();
  await assert.rejects(ai.prepare!(params(off.id), { dbFile: file }), (err: unknown) => err instanceof InputError && err.message === `ai: ${off.id} is disabled: accuracy 50.4% vs persistence 51.2% (one-sided exact McNemar p = 0.83)`);
  assert.throws(() => ai.actor({ name: 'ai', capital: 1, limits: { maxPositionFraction: 0.1, minExpectedProfit: 0 }, venue: 'v', symbol: 'X/Y', fees: {} }, params()), /prepare it first/);
});
