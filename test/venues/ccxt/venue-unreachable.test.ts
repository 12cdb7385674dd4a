import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { closedPort, listening } from '../../support/ports.js';
import { SystemClock } from '../../../actors/runtime/clock.js';
import { InputError, VenueUnavailableError } from '../../../actors/runtime/errors.js';
import { CcxtVenue } from '../../../actors/venues/ccxt/ccxt-venue.js';
import { venueUnreachable } from '../../../actors/venues/ccxt/venue-unreachable.js';
import { KEY, startExchange } from './fixture.js';

/** What syncClock fails with against `base`, after one retry, turned into the connect error. */
async function unreachableAt(base: string) {
  const v3 = `${base}/api/v3`;
  const venue = new CcxtVenue({
    id: 'binance', exchangeId: 'binance', credentials: KEY, clock: new SystemClock(), apiUrls: { public: v3, private: v3 },
    network: { timeoutMs: 300, retries: 1, backoffBaseMs: 1, backoffMaxMs: 1 },
  });
  try {
    const err = await venue.syncClock().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof VenueUnavailableError, `got ${String(err)}`);
    return venueUnreachable('binance', err, venue.retried + 1);
  } finally {
    await venue.close();
  }
}

test('an unreachable exchange is one InputError line naming the exchange, the host and the cause: refused, DNS, timeout, other', async (t) => {
  const refusedPort = await closedPort();
  const silent = createServer(() => {}); // accepts and never answers
  const silentPort = await listening(silent);
  const ex = await startExchange();
  t.after(async () => {
    silent.close();
    await ex.close();
  });
  ex.inject({ kind: '5xx', route: 'GET /api/v3/time', times: 2 });

  const cases = [
    [`http://127.0.0.1:${refusedPort}`, 'refused', `127.0.0.1:${refusedPort}`, /: connection refused \(ECONNREFUSED\), after 2 attempts$/],
    ['http://nonexistent.invalid', 'DNS', 'nonexistent.invalid', /: DNS lookup failed \((ENOTFOUND|EAI_AGAIN)\), after 2 attempts$/],
    [`http://127.0.0.1:${silentPort}`, 'timeout', `127.0.0.1:${silentPort}`, /: timed out \(300 ms\), after 2 attempts$/],
    [ex.url, 'other', `127.0.0.1:${ex.port}`, /: other error: 503 Service Unavailable.*, after 2 attempts$/],
  ] as const;
  for (const [base, reason, host, tail] of cases) {
    const err = await unreachableAt(base);
    assert.ok(err instanceof InputError);
    assert.equal(err.reason, reason, err.message);
    assert.equal(err.host, host);
    assert.equal(err.message.split('\n').length, 1, err.message);
    assert.ok(err.message.startsWith(`cannot reach binance at ${host}: `), err.message);
    assert.match(err.message, tail);
  }
  assert.equal(ex.stats.requests['GET /api/v3/time'], 2, 'the 5xx exchange was asked twice');
});
