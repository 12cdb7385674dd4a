import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SystemClock } from '../../../actors/runtime/clock.js';
import { startLocalArbitrageVenues } from '../../../actors/venues/local-exchange/local-arbitrage-venues.js';

const SOLO = [{ id: 'solo', symbols: ['BTCUSDT'], balances: { USDT: 1_000 } }];

test('the local venues take config.network: its retries and keep-alive setting reach their ccxt venues', async (t) => {
  const local = await startLocalArbitrageVenues(new SystemClock(), SOLO, 1, 0, { network: { keepAlive: false, retries: 1, backoffBaseMs: 1, backoffMaxMs: 1 } });
  t.after(() => local.close());
  const [venue, ex] = [local.venues['solo']!, local.exchanges['solo']!];
  ex.inject({ kind: '5xx', route: 'GET /api/v3/depth' });
  const book = await venue.fetchOrderBook('BTC/USDT', 5);
  assert.ok(book.bids.length > 0);
  assert.equal(ex.stats.requests['GET /api/v3/depth'], 2, 'the 5xx was retried once');
  const requests = Object.values(ex.stats.requests).reduce((a, b) => a + b, 0);
  assert.equal(ex.stats.connections, requests, 'one connection per request');
});

test('without options the local venues keep one connection alive (the config default)', async (t) => {
  const local = await startLocalArbitrageVenues(new SystemClock(), SOLO, 1, 0);
  t.after(() => local.close());
  const [venue, ex] = [local.venues['solo']!, local.exchanges['solo']!];
  for (let i = 0; i < 3; i++) await venue.fetchOrderBook('BTC/USDT', 5);
  assert.equal(ex.stats.connections, 1);
});
