import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { loadCandles, type CandleSeries } from '../../actors/market-data/candles/load-candles.js';
import { runBacktest } from '../../actors/backtest/run-backtest.js';
import { prepareInstances, singleStrategyPlan } from '../../actors/backtest/plan.js';
import { openDatabase } from '../../actors/ledger/storage/database.js';
import { saveModel } from '../../actors/models/store/model-store.js';
import { InputError } from '../../actors/runtime/errors.js';
import { fillModel } from '../../actors/venues/replay/fill-model.js';
import { createAiMachine } from '../../actors/strategies/ai/ai.machine.js';
import { modelPredictor } from '../../actors/strategies/ai/model-predictor.js';
import { PatternStream } from '../../actors/patterns/pattern-stream.js';
import { aiInput, momentum, storedModel, withId } from '../support/stand-in-model.js';
import { tempDbFile } from '../ledger/storage/temp-db.js';
import { ARBITER } from '../support/arbiter-cli.js';

const week = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
const series: CandleSeries = { ...week, candles: week.candles.slice(0, 800) };
const { scaler, model: standIn } = momentum;

test('the ai strategy with an enabled stand-in model trades through risk in a backtest on the trading host', async () => {
  const stored = withId(storedModel(standIn().save(), scaler));
  const input = aiInput(series.symbol, { fraction: 0.09, maxRisk: 0.1 });
  const machine = createAiMachine('ai', modelPredictor(stored, standIn()));
  const result = await runBacktest({ strategies: [{ name: 'ai', series, capital: 10_000, machine, input }], model: fillModel('optimistic', 0.001), venueId: 'replay', host: 'trading' });
  assert.ok(result.trades.length >= 5, `trades: ${result.trades.length}`);
  assert.ok(result.trades.every((t) => t.strategy === 'ai'));
});

test('a disabled stored model: the plan refuses it with the stored reason; the CLI exits 2 saying why', async () => {
  const file = tempDbFile();
  const db = openDatabase(file);
  const off = saveModel(db, storedModel(standIn().save(), scaler, { enabled: false }));
  db.close();
  const data = join(dirname(file), 'BTC_USDT-1m.json');
  writeFileSync(data, JSON.stringify(series.candles.slice(0, 200).map((c) => [c.ts, c.open, c.high, c.low, c.close, c.volume])));

  const reason = `${off.id} is disabled: accuracy 50.4% vs persistence 51.2% (one-sided exact McNemar p = 0.83)`;
  const plan = singleStrategyPlan('ai', [data], { model: off.id });
  await assert.rejects(prepareInstances(plan, { dbFile: file }), (err: unknown) => err instanceof InputError && err.message === `ai cannot trade: ${reason}`);

  const res = spawnSync(process.execPath, [ARBITER, 'backtest', '--strategy', 'ai', '--model', off.id, '--db', file, '--data', data, '--json'], { encoding: 'utf8' });
  assert.equal(res.status, 2, res.stderr);
  assert.equal(res.stderr, `arbiter backtest: ai cannot trade: ${reason}\n`);
  assert.equal(res.stdout, '');
});

test("with the pattern actor in the backtest, the ai strategy's entries wait for a bullish pattern of the last patternBars bars", async () => {
  // A predictor that is always bullish: the pattern guard (with risk, regime, liquidity and cash) decides every entry.
  const bullish = { history: 0, predict: () => 0.9 };
  const bars: CandleSeries = { ...week, candles: week.candles.slice(0, 3000) };
  const run = (patterns: boolean) => {
    const input = { ...aiInput(bars.symbol, { fraction: 0.09, maxRisk: 0.1 }), patternActor: patterns };
    const machine = createAiMachine('ai', bullish);
    return runBacktest({ strategies: [{ name: 'ai', series: bars, capital: 10_000, machine, input, patterns }], model: fillModel('optimistic', 0.001), venueId: 'replay', host: 'trading' });
  };
  const [alone, confirmed] = [await run(false), await run(true)];
  // When the pattern actor announced a bullish pattern: on the close of the bar that completed it.
  const stream = new PatternStream();
  const bullishAt: number[] = [];
  bars.candles.forEach((c, i) => {
    if (stream.push(c).detected.some((p) => p.direction === 'bullish')) bullishAt.push(i);
  });
  const barOf = new Map(bars.candles.map((c, i) => [c.ts, i]));
  const entries = confirmed.trades.map((t) => t.entryTime);
  assert.ok(entries.length >= 5, `round trips: ${entries.length}`);
  assert.ok(entries.length < alone.trades.length / 2, `${entries.length} round trips, ${alone.trades.length} without patterns`);
  for (const ts of entries) {
    // A market buy fills at the open of the bar after the decision, taken on the close of the pattern's bar or of one
    // of the 10 after it (the pattern actor's message can reach the strategy before that same bar's candle).
    const decided = barOf.get(ts)! - 1;
    assert.ok(bullishAt.some((b) => decided - b >= 0 && decided - b <= 10), `entry decided at bar ${decided} without a bullish pattern in the 10 bars before`);
  }
});
