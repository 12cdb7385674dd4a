import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { configSchema, defaultConfig } from '../../config/index.js';
import { secretsFrom } from '../../config/secrets.js';
import type { ActorSystem } from '../../actors/runtime/system.js';
import { declarationOf } from '../../actors/strategies/catalogue/catalogue.js';
import { runPaperSession } from '../../supervisors/run-paper-session.js';
import { runLiveSession } from '../../supervisors/live-session.js';
import { load, run } from '../backtest/helpers.js';
import { LIVE_KEY, liveConfigInput, startLiveMarket } from '../support/live-market.js';

// sma-cross with a position under risk's 10% limit, short windows so a few live 1 s bars already cross.
const PARAMS = { fast: 2, slow: 4, fraction: 0.09 };
const seenBy = (system: ActorSystem) => (system.actor('strategy:sma-cross')?.snapshot() as { context: { signal: { seen: number } } }).context.signal.seen;

test('one catalogue entry, sma-cross, runs unchanged in a backtest, a paper session and a live session', async () => {
  const declaration = declarationOf('sma-cross');
  assert.deepEqual([...declaration.runs].sort(), ['backtest', 'live', 'paper']);

  const backtest = await run(load('ETH_BTC-5m'), { fast: PARAMS.fast, slow: PARAMS.slow });
  assert.ok(backtest.trades.length > 0, 'the backtest traded');

  const base = defaultConfig();
  const paper = await runPaperSession({
    config: { ...base, paper: { ...base.paper, strategies: ['sma-cross'] }, strategies: { ...base.strategies, smaCross: PARAMS } },
    logger: pino({ level: 'silent' }),
    dbFile: join(mkdtempSync(join(tmpdir(), 'arbiter-everywhere-')), 'paper.db'),
    sessionId: 'paper',
    dataFile: 'data/candles/BTC_USDT-1m-2021-02-19_week.json',
    speed: Number.POSITIVE_INFINITY,
    durationMs: 1_500,
    inspect: false,
  });
  const ai = paper.strategies.ai_trading;
  assert.ok(ai.enabled, JSON.stringify(ai));
  assert.deepEqual(ai.strategies, ['sma-cross']);
  assert.ok(ai.orders > 0 && ai.fills > 0, `paper: orders ${ai.orders}, fills ${ai.fills}, vetoes ${JSON.stringify(ai.vetoReasons)}`);
  assert.ok(ai.actors.includes('strategy:sma-cross'));

  const market = await startLiveMarket();
  try {
    const input = liveConfigInput(market.ex);
    let live: ActorSystem | undefined;
    const summary = await runLiveSession({
      config: configSchema.parse({ ...input, live: { ...input.live, strategy: 'sma-cross' }, strategies: { smaCross: PARAMS } }),
      secrets: secretsFrom({ BINANCE_API_KEY: LIVE_KEY.apiKey, BINANCE_SECRET: LIVE_KEY.secret }).secrets,
      logger: pino({ level: 'silent' }),
      dbFile: join(mkdtempSync(join(tmpdir(), 'arbiter-everywhere-')), 'live.db'),
      sessionId: 'live',
      durationMs: 6_000,
      onSystem: (system) => (live = system),
    });
    const report = summary.strategies.ai_trading;
    assert.ok(report.enabled, JSON.stringify(report));
    assert.deepEqual(report.strategies, ['sma-cross']);
    assert.ok(summary.bars >= 4, `live bars ${summary.bars}`);
    assert.ok(live && seenBy(live) === summary.bars, `the live sma-cross actor saw every closed bar (${live && seenBy(live)} of ${summary.bars})`);
    assert.equal(summary.strategies.market_making.enabled, false);
  } finally {
    await market.stop();
  }
});
