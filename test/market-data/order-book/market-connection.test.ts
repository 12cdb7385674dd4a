import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SystemClock } from '../../../actors/runtime/clock.js';
import type { OrderBook } from '../../../actors/market-data/types.js';
import { MarketConnection } from '../../../actors/market-data/order-book/market-connection.js';
import { startExchange, venueFor } from '../../venues/ccxt/fixture.js';
import { until } from '../../support/until.js';

test('websocket diff stream from the local exchange: live book, gap → re-snapshot, dropped socket → reconnect, stalled stream → stale then live', async (t) => {
  const ex = await startExchange();
  const venue = venueFor(ex);
  let book: OrderBook | undefined;
  const status: string[] = [];
  const conn = new MarketConnection(
    {
      venue: 'local', symbol: 'BTC/USDT', streamId: 'btcusdt', wsUrl: `ws://127.0.0.1:${ex.port}/ws`,
      fetchSnapshot: () => venue.fetchDepthSnapshot('BTC/USDT', 100),
      silenceMs: 300,
      machine: { baseDelayMs: 20, maxDelayMs: 200, syncTimeoutMs: 3000, degradedTimeoutMs: 5000 },
      onBook: (b) => (book = b),
      onStatus: (e) => status.push(e.type),
    },
    new SystemClock(),
  );
  t.after(async () => { conn.stop(); await venue.close(); await ex.close(); });
  const serverTop = () => ex.state.engine('BTCUSDT').depth(100);
  const same = () => !!book && JSON.stringify([book.bids, book.asks]) === JSON.stringify([serverTop().bids, serverTop().asks]);
  const heartbeat = setInterval(() => {
    // keep the stream busy (a market with no changes is silent): move a far bid level back and forth,
    // keeping the asks as they stand so a trade against them stays visible
    const e = ex.state.engine('BTCUSDT');
    const asks = e.depth(100).asks.map(([p, a]) => [p, a] as [number, number]);
    e.seed([[10890, 1], [10880, 2], [10000 + Math.floor(Math.random() * 50), 1]], asks, Date.now(), () => Math.floor(Math.random() * 1e9));
  }, 40);
  t.after(() => clearInterval(heartbeat));

  conn.start();
  await until('live', () => conn.state === 'live' && same());
  assert.deepEqual(status, ['market.live']);

  await venue.createOrder({ clientOrderId: 'ws-1', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 0.5, price: 10900 });
  await until('trade reflected', () => same() && book!.asks[0]![1] === 0.5);

  const gapsBefore = conn.feed.book.gaps;
  ex.state.engine('BTCUSDT').skipUpdate();
  await until('gap detected and re-synced', () => conn.feed.book.gaps > gapsBefore && conn.state === 'live' && same());

  const connectionsBefore = ex.streams.connections;
  ex.streams.dropAll();
  await until('reconnected', () => conn.state === 'live' && ex.streams.connections === connectionsBefore && same());
  assert.equal(status.at(-1), 'market.live');
  assert.ok(status.includes('market.stale'), 'a dropped socket marks the market stale until resynced');

  const staleBefore = status.filter((s) => s === 'market.stale').length;
  ex.streams.stalled = true;
  await until('stale after silence', () => status.filter((s) => s === 'market.stale').length > staleBefore);
  ex.streams.stalled = false;
  await until('live again', () => conn.state === 'live' && status.at(-1) === 'market.live' && same());
});
