import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { ActorSystem } from '../../../actors/runtime/system.js';
import { SimulatedClock } from '../../../actors/runtime/clock.js';
import type { Candle } from '../../../actors/market-data/types.js';
import { marketHistoryRecorder } from '../../../actors/market-data/history/market-history-recorder.js';
import { MarketHistoryStore } from '../../../actors/market-data/history/market-history-store.js';
import { openMarketHistoryWriter } from '../../../actors/market-data/history/open-market-history.js';
import { freshPgSchema, TEST_PG_URL } from '../../support/fresh-pg-schema.js';
import { until } from '../../support/until.js';

const MIN = 60_000;
const schema = freshPgSchema('mh');
after(() => schema.drop());

/** A logger whose lines the test can read. */
function capturedLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

function bars(symbol: string, n: number, from = 0): Candle[] {
  return Array.from({ length: n }, (_, i) => {
    const p = 100 + Math.sin(i) * 3 + i * 0.01 + (symbol === 'ETH/USDT' ? 1_000 : 0);
    return { ts: (from + i) * MIN, open: p, high: p + 0.37, low: p - 0.21, close: p + 0.1 / 3, volume: 1.5 + i / 7 };
  });
}

async function record(candles: { venue: string; symbol: string; candle: Candle }[], options: { feed?: 'candle.closed' | 'candles.closed'; venues?: string[] } = {}) {
  const { logger } = capturedLogger();
  const writer = openMarketHistoryWriter(schema.db, { logger, batchSize: 7, flushEveryMs: 50 });
  const clock = new SimulatedClock(0);
  const system = new ActorSystem({ clock, dispatcher: 'replay' });
  system.spawn(marketHistoryRecorder({ writer, timeframeMs: MIN, ...options }));
  for (const c of candles) {
    clock.set(c.candle.ts + MIN);
    if (options.feed === 'candles.closed') system.publish({ type: 'candles.closed', venue: c.venue, bars: [{ symbol: c.symbol, candle: c.candle }] });
    else system.publish({ type: 'candle.closed', ...c });
    await system.whenQuiescent();
  }
  await system.shutdown();
  await writer.close();
  return writer.stats;
}

test('bars recorded through the actor read back identical; recording them again adds nothing', async () => {
  const btc = bars('BTC/USDT', 40);
  const eth = bars('ETH/USDT', 40);
  const seen = btc.flatMap((candle, i) => [
    { venue: 'binance', symbol: 'BTC/USDT', candle },
    { venue: 'binance', symbol: 'ETH/USDT', candle: eth[i]! },
    { venue: 'kraken', symbol: 'BTC/USDT', candle },
  ]);
  const first = await record(seen, { venues: ['binance'] });
  assert.deepEqual(first, { candlesWritten: 80, tradesWritten: 0, pending: 0, failedWrites: 0, dropped: 0 });

  const store = new MarketHistoryStore(schema.db);
  try {
    assert.deepEqual(await store.readCandles({ venue: 'binance', symbol: 'BTC/USDT', timeframeMs: MIN }), btc);
    assert.deepEqual(await store.readCandles({ venue: 'binance', symbol: 'ETH/USDT', timeframeMs: MIN }), eth);
    assert.deepEqual(await store.readCandles({ venue: 'kraken', symbol: 'BTC/USDT', timeframeMs: MIN }), [], 'venues filter');
    assert.deepEqual(await store.readCandles({ venue: 'binance', symbol: 'BTC/USDT', timeframeMs: MIN, from: 10 * MIN, to: 12 * MIN }), btc.slice(10, 12));

    const again = await record(seen.slice(0, 60), { feed: 'candles.closed' });
    assert.equal(again.candlesWritten, 20, 'only the kraken bars are new');
    const h = await store.holdings();
    assert.deepEqual(h.candles.map((c) => [c.venue, c.symbol, c.timeframeMs, c.rows, c.firstTs, c.lastTs]), [
      ['binance', 'BTC/USDT', MIN, 40, 0, 39 * MIN],
      ['binance', 'ETH/USDT', MIN, 40, 0, 39 * MIN],
      ['kraken', 'BTC/USDT', MIN, 20, 0, 19 * MIN],
    ]);
  } finally {
    await store.close();
  }
});

test('the writer flushes on time without a full batch', async () => {
  const { logger } = capturedLogger();
  const writer = openMarketHistoryWriter(schema.db, { logger, batchSize: 1_000, flushEveryMs: 30 });
  writer.addCandles(bars('SOL/USDT', 3).map((candle) => ({ venue: 'timed', symbol: 'SOL/USDT', timeframeMs: MIN, candle })));
  assert.equal(writer.stats.pending, 3);
  await until('the timed flush', () => writer.stats.candlesWritten === 3, 5_000);
  await writer.close();
});

test('a failed write is logged and retried, never thrown: a dropped table is made again and the rows arrive', async () => {
  const { logger, lines } = capturedLogger();
  const writer = openMarketHistoryWriter(schema.db, { logger, batchSize: 2, flushEveryMs: 10_000, retry: { minMs: 20, maxMs: 50, jitter: 0 } });
  const row = (candle: Candle) => ({ venue: 'retry', symbol: 'XRP/USDT', timeframeMs: MIN, candle });
  const candles = bars('XRP/USDT', 4);
  writer.addCandles(candles.slice(0, 2).map(row));
  await until('the first batch', () => writer.stats.candlesWritten === 2);
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`DROP TABLE ${pg.escapeIdentifier(schema.db.schema)}.market_candles`);
  await admin.end();
  writer.addCandles(candles.slice(2).map(row));
  await until('the retried batch', () => writer.stats.candlesWritten === 4);
  assert.ok(writer.stats.failedWrites >= 1);
  assert.ok(lines.some((l) => l.msg === 'market history: write failed; retrying'), JSON.stringify(lines));
  await writer.close();
  const store = new MarketHistoryStore(schema.db);
  assert.deepEqual(await store.readCandles({ venue: 'retry', symbol: 'XRP/USDT', timeframeMs: MIN }), candles.slice(2), 'the table was made again; the first two went with the old one');
  await store.close();
});

test('with the database unreachable, the writer keeps trading safe: no throw, bounded buffer, close gives up and says how many rows were lost', async () => {
  const { logger, lines } = capturedLogger();
  const writer = openMarketHistoryWriter({ url: 'postgres://postgres@127.0.0.1:1/test', schema: 'nowhere' }, { logger, batchSize: 2, maxBuffered: 5, closeAttempts: 2, retry: { minMs: 10, maxMs: 20, jitter: 0 } });
  for (const candle of bars('DOT/USDT', 8)) writer.addCandles([{ venue: 'down', symbol: 'DOT/USDT', timeframeMs: MIN, candle }]);
  await until('a failed write', () => writer.stats.failedWrites >= 1);
  assert.ok(writer.stats.pending <= 5);
  assert.equal(writer.stats.pending + writer.stats.dropped, 8);
  await writer.close();
  assert.ok(lines.some((l) => l.msg === 'market history: closing with rows the database never took'), JSON.stringify(lines.map((l) => l.msg)));
});
