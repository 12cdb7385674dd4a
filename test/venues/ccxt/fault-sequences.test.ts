import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RateLimitedError, VenueUnavailableError } from '../../../actors/runtime/errors.js';
import type { HttpFault } from '../../../actors/venues/local-exchange/faults.js';
import type { VenueOrder } from '../../../actors/venues/venue.js';
import type { CcxtVenue } from '../../../actors/venues/ccxt/ccxt-venue.js';
import { startExchange, venueFor } from './fixture.js';

const faultArb: fc.Arbitrary<HttpFault | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constantFrom<'5xx' | 'timeout'>('5xx', 'timeout'), route: fc.constant('POST /api/v3/order'), afterProcessing: fc.boolean() }),
  fc.record({ kind: fc.constant<'5xx'>('5xx'), route: fc.constant('GET /api/v3/order'), afterProcessing: fc.constant(false) }),
  fc.record({ kind: fc.constant<'429'>('429'), route: fc.constant('POST /api/v3/order'), retryAfterSec: fc.constant(1) }),
);

/** What execution does with one order: submit; UNKNOWN → query by id; never seen → submit again under the same id. */
async function place(venue: CcxtVenue, clientOrderId: string): Promise<VenueOrder> {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      return await venue.createOrder({ clientOrderId, symbol: 'ETH/USDT', side: 'buy', type: 'limit', amount: 0.1, price: 350.2 });
    } catch (err) {
      if (err instanceof RateLimitedError) continue; // the venue's gate waits out Retry-After on the next call
      if (!(err instanceof VenueUnavailableError)) throw err;
      for (;;) {
        try {
          const found = await venue.fetchOrderByClientId(clientOrderId, 'ETH/USDT');
          if (found) return found;
          break;
        } catch (queryErr) {
          if (!(queryErr instanceof VenueUnavailableError)) throw queryErr;
        }
      }
    }
  }
  throw new Error(`${clientOrderId}: gave up`);
}

test('random faults around creates and queries: every order ends on the exchange exactly once, 429s never turn into bans', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(faultArb, { minLength: 3, maxLength: 5 }), async (faults) => {
      run += 1;
      const ex = await startExchange();
      const venue = venueFor(ex);
      try {
        await venue.fetchBalance();
        const ids: string[] = [];
        for (const [i, fault] of faults.entries()) {
          if (fault) ex.inject(fault);
          const id = `r${run}-o${i}`;
          ids.push(id);
          const o = await place(venue, id);
          assert.equal(o.clientOrderId, id);
          assert.equal(o.filled, 0.1);
          ex.faults.clear();
        }
        for (const id of ids) assert.equal(ex.state.countByClientId(id), 1, `${id} on the exchange once`);
        assert.equal(ex.state.ordersOf('test-key').length, ids.length, 'nothing extra');
        assert.equal(ex.stats.bans, 0);
      } finally {
        await venue.close();
        await ex.close();
      }
    }),
    { numRuns: 4, seed: 20261124 },
  );
});
