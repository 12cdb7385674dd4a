import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnArbiter } from '../../support/arbiter-cli.js';
import { freshPgSchema } from '../../support/fresh-pg-schema.js';
import { MarketHistoryStore } from '../../../actors/market-data/history/market-history-store.js';
import { historySeries } from '../../../actors/market-data/history/history-series.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { candlesFromTrades } from '../../../actors/market-data/candles/candles-from-trades.js';
import { parseTradesCsv } from '../../../actors/market-data/trades/parse-trades-csv.js';

const ADA = 'data/candles/ADA_BTC-5m.json';
const TRADES = 'data/trades/binance_spot_btcusdt_trades_2024-08-08T2354Z_11min.csv';
const schema = freshPgSchema('hist');
const dir = mkdtempSync(join(tmpdir(), 'arbiter-history-'));
const config = join(dir, 'arbiter.yaml');
writeFileSync(config, `storage:\n  postgres:\n    url: ${schema.db.url}\n    schema: ${schema.db.schema}\n`);
const unreachable = join(dir, 'down.yaml');
writeFileSync(unreachable, 'storage:\n  postgres:\n    url: postgres://postgres@127.0.0.1:1/test\n');

/** The --json line of a backtest without its wall time. */
const result = (stdout: string) => {
  const json = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  delete json.wallSeconds;
  return json;
};

before(async () => {
  const first = await spawnArbiter(['history', 'import', '--config', config, '--venue', 'poloniex', '--data', ADA]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /ADA_BTC-5m\.json: 5720 candles poloniex ADA\/BTC 5m, 2018-01-10T04:55:00\.000Z → 2018-01-30T04:50:00\.000Z; 5720 new, 0 already there/);
});
after(() => schema.drop());

test('importing the same file again adds nothing', async () => {
  const again = await spawnArbiter(['history', 'import', '--config', config, '--venue', 'poloniex', '--data', ADA]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /0 new, 5720 already there/);
});

test('backtest --from-db gives exactly what backtest --data gives on the same file: trades, P&L, metrics, gaps', async () => {
  const args = ['backtest', '--strategy', 'sma-cross', '--fast', '8', '--slow', '21', '--json'];
  const [fromFile, fromDb] = await Promise.all([
    spawnArbiter([...args, '--data', ADA]),
    spawnArbiter([...args, '--from-db', '--config', config, '--venue', 'poloniex', '--symbol', 'ADA/BTC', '--timeframe', '5m']),
  ]);
  assert.equal(fromFile.status, 0, fromFile.stderr);
  assert.equal(fromDb.status, 0, fromDb.stderr);
  assert.match(fromDb.stderr, /postgres poloniex ADA\/BTC 5m: 5720 candles from postgres:\/\/postgres@127\.0\.0\.1:5432\/test schema hist_/);
  const file = result(fromFile.stdout);
  assert.ok((file.trades as unknown[]).length > 50);
  assert.deepEqual(result(fromDb.stdout), file);
});

test('recorded trades: imported with --symbol, replayed as bars built from them (the same bars candlesFromTrades builds from the file)', async () => {
  const missing = await spawnArbiter(['history', 'import', '--config', config, '--venue', 'binance', '--data', TRADES]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /a trades file does not name its market: give --symbol/);
  const ok = await spawnArbiter(['history', 'import', '--config', config, '--venue', 'binance', '--symbol', 'BTC/USDT', '--data', TRADES]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /19904 trades binance BTC\/USDT.*19904 new/);
  const store = new MarketHistoryStore(schema.db);
  try {
    const h = await historySeries(store, { venue: 'binance', symbol: 'BTC/USDT', timeframeMs: 60_000 });
    assert.equal(h.source, 'trades');
    assert.deepEqual(h.series.candles, candlesFromTrades(parseTradesCsv(readFileSync(TRADES, 'utf8'), TRADES), 60_000));
  } finally {
    await store.close();
  }
});

test('nothing recorded for that market or range: exit 2 saying what the tables do hold', async () => {
  const res = await spawnArbiter(['backtest', '--strategy', 'sma-cross', '--from-db', '--config', config, '--venue', 'poloniex', '--symbol', 'ETH/BTC', '--timeframe', '5m']);
  assert.equal(res.status, 2, res.stderr);
  assert.match(res.stderr, /no candles or trades for venue poloniex, symbol ETH\/BTC, timeframe 5m in storage\.postgres schema hist_/);
  assert.match(res.stderr, /the tables hold:\n {2}candles poloniex ADA\/BTC 5m: 5720 bars, 2018-01-10T04:55:00\.000Z → 2018-01-30T04:50:00\.000Z/);
  assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
  const store = new MarketHistoryStore(schema.db);
  try {
    const q = { venue: 'poloniex', symbol: 'ADA/BTC', timeframeMs: 300_000 };
    await assert.rejects(historySeries(store, { ...q, from: Date.parse('2019-01-01') }), (err: InputError) => /timeframe 5m with open times in \[2019-01-01T00:00:00\.000Z, end\)/.test(err.message) && /candles poloniex ADA\/BTC 5m: 5720 bars/.test(err.message));
    await assert.rejects(historySeries(store, { ...q, timeframeMs: 3_600_000 }), /timeframe 1h in/);
    await assert.rejects(historySeries(store, { ...q, from: 2, to: 1 }), InputError);
    const day = await historySeries(store, { ...q, from: Date.parse('2018-01-20T00:00:00Z'), to: Date.parse('2018-01-21T00:00:00Z') });
    assert.equal(day.series.candles.length, 288, 'open times in [from, to)');
    assert.equal(day.series.candles[0]!.ts, Date.parse('2018-01-20T00:00:00Z'));
  } finally {
    await store.close();
  }
});

test('database unreachable, --from-db with --data, missing or misplaced flags: exit 2 with the reason', async () => {
  const [down, both, incomplete, stray, badFrom, importDown] = await Promise.all([
    spawnArbiter(['backtest', '--strategy', 'sma-cross', '--from-db', '--config', unreachable, '--venue', 'poloniex', '--symbol', 'ADA/BTC', '--timeframe', '5m']),
    spawnArbiter(['backtest', '--strategy', 'sma-cross', '--from-db', '--data', ADA, '--venue', 'poloniex', '--symbol', 'ADA/BTC', '--timeframe', '5m']),
    spawnArbiter(['backtest', '--strategy', 'sma-cross', '--from-db', '--config', config, '--venue', 'poloniex']),
    spawnArbiter(['backtest', '--strategy', 'sma-cross', '--data', ADA, '--timeframe', '5m']),
    spawnArbiter(['backtest', '--strategy', 'sma-cross', '--from-db', '--config', config, '--venue', 'poloniex', '--symbol', 'ADA/BTC', '--timeframe', '5m', '--from', 'yesterday']),
    spawnArbiter(['history', 'import', '--config', unreachable, '--venue', 'poloniex', '--data', ADA]),
  ]);
  for (const res of [down, both, incomplete, stray, badFrom, importDown]) assert.equal(res.status, 2, res.stderr);
  assert.match(down.stderr, /storage\.postgres\.url: cannot use PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/test .*ECONNREFUSED/);
  assert.match(importDown.stderr, /storage\.postgres\.url: cannot use PostgreSQL/);
  assert.match(both.stderr, /'--from-db' cannot be used with option '--data/);
  assert.match(incomplete.stderr, /--from-db needs --symbol, --timeframe/);
  assert.match(stray.stderr, /--timeframe needs --from-db/);
  assert.match(badFrom.stderr, /--from yesterday: expected an ISO time/);
});

test('history list: each market with its rows and range', async () => {
  const res = await spawnArbiter(['history', 'list', '--config', config]);
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /^candles poloniex ADA\/BTC 5m: 5720 bars, 2018-01-10T04:55:00\.000Z → 2018-01-30T04:50:00\.000Z$/m);
});
