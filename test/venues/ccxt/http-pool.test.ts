import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CcxtVenue } from '../../../actors/venues/ccxt/ccxt-venue.js';
import type { LocalExchange } from '../../../actors/venues/local-exchange/server.js';
import { startExchange, venueFor } from './fixture.js';

async function sequentialReads(venue: CcxtVenue): Promise<void> {
  await venue.syncClock();
  await venue.loadMarkets();
  for (let i = 0; i < 5; i++) await venue.fetchOrderBook('BTC/USDT', 5);
}

function requestsAt(ex: LocalExchange): number {
  return Object.values(ex.stats.requests).reduce((a, b) => a + b, 0);
}

test('keepAlive: sequential requests share one socket; keepAlive false opens one per request', async (t) => {
  for (const keepAlive of [true, false]) {
    const ex = await startExchange();
    const venue = venueFor(ex, [], { network: { keepAlive } });
    t.after(async () => { await venue.close(); await ex.close(); });
    await sequentialReads(venue);
    assert.equal(requestsAt(ex), 7);
    assert.equal(ex.stats.connections, keepAlive ? 1 : 7, `keepAlive ${keepAlive}`);
  }
});

test('maxSockets bounds the sockets open at once to the host, with or without keep-alive', async (t) => {
  const peaks: Record<string, number> = {};
  for (const network of [{ maxSockets: 2, keepAlive: true }, { maxSockets: 2, keepAlive: false }, { maxSockets: 50, keepAlive: true }]) {
    const ex = await startExchange();
    const venue = venueFor(ex, [], { network });
    t.after(async () => { await venue.close(); await ex.close(); });
    await venue.loadMarkets();
    // ccxt's throttle spaces requests out; without it the eight reads are in flight together.
    venue.exchange.enableRateLimit = false;
    const books = await Promise.all(Array.from({ length: 8 }, () => venue.fetchOrderBook('BTC/USDT', 5)));
    assert.equal(books.length, 8);
    peaks[JSON.stringify(network)] = ex.stats.peakOpenConnections;
  }
  assert.deepEqual(Object.values(peaks).slice(0, 2), [2, 2], JSON.stringify(peaks));
  assert.ok(Object.values(peaks)[2]! > 2, `without the bound the same reads open more sockets: ${JSON.stringify(peaks)}`);
});
