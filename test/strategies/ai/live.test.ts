import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { configSchema } from '../../../config/index.js';
import { secretsFrom } from '../../../config/secrets.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { openDatabase } from '../../../actors/ledger/storage/database.js';
import { saveModel } from '../../../actors/models/store/model-store.js';
import { runLiveSession } from '../../../supervisors/live-session.js';
import { CANDLE_FEATURES, StandInModel, storedModel } from '../../support/stand-in-model.js';
import { tempDbFile } from '../../ledger/storage/temp-db.js';

test('live.strategy: ai without an enabled model in the journal is refused before the exchange is reached', async () => {
  // Nothing listens on port 9: a session that got as far as connecting would fail differently.
  const v3 = 'http://127.0.0.1:9/api/v3';
  const config = configSchema.parse({ live: { strategy: 'ai', urls: { public: v3, private: v3 } } });
  const dbFile = tempDbFile();
  const run = () => runLiveSession({ config, secrets: secretsFrom({ BINANCE_API_KEY: 'k', BINANCE_SECRET: 's' }).secrets, logger: pino({ level: 'silent' }), dbFile, sessionId: 'ai', durationMs: 100 });
  await assert.rejects(run(), (e: unknown) => e instanceof InputError && e.shortMessage === `live.strategy: ai cannot trade: no stored model in ${dbFile} (no such file): train one: arbiter train --model lstm --data <candles.json> --walk-forward`);

  const db = openDatabase(dbFile);
  const off = saveModel(db, storedModel(new StandInModel(CANDLE_FEATURES.length, { window: 2, hidden: 1, epochs: 1, learningRate: 0.1 }, 5).save(), { min: [], max: [] }, { enabled: false }));
  db.close();
  await assert.rejects(run(), (e: unknown) => e instanceof InputError && e.shortMessage.startsWith(`live.strategy: ai cannot trade: no enabled model in ${dbFile} (1 stored); the newest, ${off.id}, is disabled: accuracy 50.4%`));
});
