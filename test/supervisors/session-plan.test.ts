import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig, type Config } from '../../config/index.js';
import { InputError } from '../../actors/runtime/errors.js';
import { declarationOf } from '../../actors/strategies/catalogue/catalogue.js';
import { planPaperFamilies, type Lookup } from '../../supervisors/session-plan.js';
import { openDatabase } from '../../actors/ledger/storage/database.js';
import { saveModel } from '../../actors/models/store/model-store.js';
import { CANDLE_FEATURES, StandInModel, storedModel } from '../support/stand-in-model.js';
import { tempDbFile } from '../ledger/storage/temp-db.js';

const listing = (strategies: string[], c: Config = defaultConfig()): Config => ({ ...c, paper: { ...c.paper, strategies } });

/** The catalogue, except that buy-and-hold says it cannot trade (as an AI model that did not beat its baseline would). */
const holding: Lookup = (name, where) => {
  const d = declarationOf(name, where);
  return name === 'buy-and-hold' ? { ...d, unavailable: () => 'no model beat its baseline out of sample' } : d;
};

test('the default plan: four families on their hosts with their capital; ai_trading off without a trained model', () => {
  const config = defaultConfig();
  const { running, off } = planPaperFamilies(config);
  assert.deepEqual(
    running.map((p) => [p.family, p.host, p.strategies.map((s) => s.declaration.name).sort(), p.capital]),
    [
      ['flash_loans', 'chain', ['flash-loan'], 3_000],
      ['arbitrage', 'local-exchanges', ['cross-exchange', 'triangular'], 2_000],
      ['market_making', 'candles', ['market-making'], 2_000],
      ['quantum_trading', 'universe', ['quantum-portfolio'], 1_000],
    ],
  );
  const noModel = 'no stored model (the run has no journal): train one: arbiter train --model lstm --data <candles.json> --walk-forward';
  assert.deepEqual(off.map((o) => [o.family, o.disabledReason]), [['ai_trading', noModel]]);
  assert.equal(off[0]!.detail, `ai: ${noModel}`);
  assert.deepEqual(running[2]!.strategies[0]!.params, config.strategies.marketMaking, 'parameters come from strategies.<camelCaseName>');
});

test('a listed strategy that cannot trade is held with its reason; a family left with none is off for that reason', () => {
  const mixed = planPaperFamilies(listing(['buy-and-hold', 'sma-cross']), holding);
  const ai = mixed.running.find((p) => p.family === 'ai_trading')!;
  assert.deepEqual(ai.strategies.map((s) => s.declaration.name), ['sma-cross']);
  assert.deepEqual(ai.held, [{ strategy: 'buy-and-hold', reason: 'no model beat its baseline out of sample' }]);

  const alone = planPaperFamilies(listing(['buy-and-hold']), holding);
  assert.equal(alone.running.length, 0);
  assert.deepEqual(alone.off.find((o) => o.family === 'ai_trading'), {
    family: 'ai_trading',
    disabledReason: 'no model beat its baseline out of sample',
    detail: 'buy-and-hold: no model beat its baseline out of sample',
  });
});

test('a family with no capital is off and says so; a family cannot span two hosts', () => {
  const c = listing(['market-making']);
  const zero = { ...c, allocation: { ...c.allocation, market_making: 0, arbitrage: 0.4 } };
  assert.deepEqual(planPaperFamilies(zero).off.find((o) => o.family === 'market_making'), {
    family: 'market_making',
    disabledReason: 'no capital',
    detail: 'allocation.market_making is 0; paper.strategies lists market-making',
  });
  // cross-exchange reads books; a lookup that files sma-cross (candles) under arbitrage makes the family span two hosts.
  const misfiled: Lookup = (name, where) => {
    const d = declarationOf(name, where);
    return name === 'sma-cross' ? { ...d, family: 'arbitrage' } : d;
  };
  assert.throws(() => planPaperFamilies(listing(['cross-exchange', 'sma-cross']), misfiled), (err: unknown) => err instanceof InputError && /arbitrage family would trade on local-exchanges and candles/.test(err.message));
});

test("ai_trading runs ai when the session's journal holds an enabled model, and is off with the model's reason when it is disabled", () => {
  const file = tempDbFile();
  const db = openDatabase(file);
  const saved = new StandInModel(CANDLE_FEATURES.length, { window: 2, hidden: 1, epochs: 1, learningRate: 0.1 }, 5).save();
  const scaler = { min: CANDLE_FEATURES.map(() => 0), max: CANDLE_FEATURES.map(() => 1) };
  const off = saveModel(db, storedModel(saved, scaler, { enabled: false }), { now: () => 1 });
  db.close();
  const config = listing(['ai', 'market-making']);

  const disabled = planPaperFamilies({ ...config, strategies: { ...config.strategies, ai: { ...config.strategies.ai, model: off.id } } }, declarationOf, { dbFile: file });
  assert.deepEqual(disabled.off.find((o) => o.family === 'ai_trading'), {
    family: 'ai_trading',
    disabledReason: `${off.id} is disabled: accuracy 50.4% vs persistence 51.2% (one-sided exact McNemar p = 0.83)`,
    detail: `ai: ${off.id} is disabled: accuracy 50.4% vs persistence 51.2% (one-sided exact McNemar p = 0.83)`,
  });

  const db2 = openDatabase(file);
  saveModel(db2, storedModel(saved, scaler), { now: () => 2 });
  db2.close();
  const enabled = planPaperFamilies(config, declarationOf, { dbFile: file });
  const ai = enabled.running.find((p) => p.family === 'ai_trading')!;
  assert.deepEqual([ai.host, ai.strategies.map((s) => s.declaration.name), ai.capital], ['candles', ['ai'], 2_000]);
});
