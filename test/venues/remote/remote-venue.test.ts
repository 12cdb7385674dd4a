import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Redis } from 'ioredis';
import { PaperVenue } from '../../../actors/venues/paper/paper-venue.js';
import type { Venue, VenueOrderRequest } from '../../../actors/venues/venue.js';
import { serveVenues, type VenueServer } from '../../../actors/venues/remote/serve-venues.js';
import { RemoteVenue } from '../../../actors/venues/remote/remote-venue.js';
import { venueStreamKeys } from '../../../actors/venues/remote/venue-keys.js';
import type { OrderEvent } from '../../../actors/venues/remote/venue-protocol.js';
import { OrderRejectedError, VenueUnavailableError } from '../../../actors/runtime/errors.js';
import { decodeBody } from '../../../actors/runtime/streams/stream-codec.js';
import { sampleBook } from '../../execution/real-books.js';
import { Connections, uniquePrefix } from '../../runtime/streams/redis.js';
import { until } from '../../support/until.js';

function paper(options: ConstructorParameters<typeof PaperVenue>[0] = { balances: { USD: 100_000, ETH: 10 } }): PaperVenue {
  const venue = new PaperVenue({ fees: { maker: 0.0005, taker: 0.002 }, ...options });
  venue.onBook({ ...sampleBook('bitstamp', 'ethusd'), venue: 'paper', symbol: 'ETH/USD' });
  return venue;
}

/** The paper venue as served, counting the createOrder calls that reach it. */
class Counted implements Venue {
  creates = 0;
  constructor(private readonly inner: PaperVenue) {}
  get id() { return this.inner.id; }
  get capabilities() { return this.inner.capabilities; }
  get fees() { return this.inner.fees; }
  get inProcess() { return this.inner.inProcess; }
  createOrder(r: VenueOrderRequest) { this.creates += 1; return this.inner.createOrder(r); }
  cancelOrder(id: string, s: string) { return this.inner.cancelOrder(id, s); }
  fetchOrderByClientId(id: string, s: string) { return this.inner.fetchOrderByClientId(id, s); }
  fetchOrderBook(s: string, l?: number) { return this.inner.fetchOrderBook(s, l); }
  fetchBalance() { return this.inner.fetchBalance(); }
  close() { return this.inner.close(); }
}

async function setup(name: string, venue: Venue = paper(), timeoutMs = 2_000) {
  const c = new Connections(uniquePrefix(name));
  const server = await serveVenues(c.open(), [venue], { node: 'venue-node', prefix: c.prefix });
  const remote = await RemoteVenue.connect(c.open(), { venueId: venue.id, node: 'strategy-node', prefix: c.prefix, timeoutMs });
  const events = async (redis: Redis): Promise<OrderEvent[]> =>
    ((await redis.xrange(venueStreamKeys(c.prefix).orderEvents, '-', '+')) as [string, string[]][]).map(([, f]) => decodeBody(f[1]!) as OrderEvent);
  return { c, server, remote, events, close: async () => { await remote.close(); await server.stop(); await c.close(); } };
}

test('create, fetch, cancel, book and balance round trip through the venue node; results and fills go to the order-events stream', async () => {
  const venue = paper();
  const t = await setup('round-trip', venue);
  try {
    assert.equal(t.remote.id, 'paper');
    assert.deepEqual(t.remote.capabilities, venue.capabilities);
    assert.deepEqual(t.remote.fees, { maker: 0.0005, taker: 0.002 });
    const resting = await t.remote.createOrder({ clientOrderId: 'r.1', symbol: 'ETH/USD', side: 'buy', type: 'limit', amount: 1, price: 3_000 });
    assert.equal(resting.status, 'open');
    assert.deepEqual(await t.remote.fetchOrderByClientId('r.1', 'ETH/USD'), await venue.fetchOrderByClientId('r.1', 'ETH/USD'));
    assert.equal(await t.remote.fetchOrderByClientId('never', 'ETH/USD'), undefined);
    const canceled = await t.remote.cancelOrder('r.1', 'ETH/USD');
    assert.equal(canceled.status, 'canceled');
    const taken = await t.remote.createOrder({ clientOrderId: 'r.2', symbol: 'ETH/USD', side: 'buy', type: 'market', amount: 2 });
    assert.equal(taken.status, 'closed');
    assert.equal(taken.fills.length, 1);
    assert.deepEqual(await t.remote.fetchBalance(), await venue.fetchBalance());
    assert.deepEqual(await t.remote.fetchOrderBook('ETH/USD', 3), await venue.fetchOrderBook('ETH/USD', 3));
    const events = await t.events(t.c.open());
    assert.deepEqual(events.filter((e) => e.kind === 'order').map((e) => e.kind === 'order' && `${e.order.clientOrderId}:${e.order.status}`), ['r.1:open', 'r.1:open', 'r.1:canceled', 'r.2:closed']);
    const fills = events.filter((e) => e.kind === 'fill');
    assert.equal(fills.length, 1);
    assert.deepEqual(fills[0]!.kind === 'fill' && fills[0]!.fill, taken.fills[0]);
  } finally {
    await t.close();
  }
});

test('a createOrder sent again, at once and later, and an entry redelivered, place one venue order', async () => {
  const counted = new Counted(paper());
  const t = await setup('idempotent', counted);
  try {
    const request: VenueOrderRequest = { clientOrderId: 'd.1', symbol: 'ETH/USD', side: 'buy', type: 'limit', amount: 1, price: 3_000 };
    const [a, b] = await Promise.all([t.remote.createOrder(request), t.remote.createOrder(request)]);
    const later = await t.remote.createOrder(request);
    // The same request entry once more on the stream, as a redelivery would hand it over.
    const redis = t.c.open();
    const stream = venueStreamKeys(t.c.prefix).requests('paper');
    const [, fields] = ((await redis.xrange(stream, '-', '+', 'COUNT', 2)) as [string, string[]][])[1]!;
    await redis.xadd(stream, '*', ...fields);
    const replies = venueStreamKeys(t.c.prefix).replies('strategy-node');
    let answered = 0;
    for (let i = 0; i < 100 && answered < 5; i++) {
      answered = await redis.xlen(replies);
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(answered, 5, 'describe, three creates and the redelivered one were all answered');
    assert.equal(counted.creates, 1);
    assert.equal(a.venueOrderId, b.venueOrderId);
    assert.equal(a.venueOrderId, later.venueOrderId);
  } finally {
    await t.close();
  }
});

test('no reply in time is VenueUnavailableError; the create reaching the venue node after its deadline is refused, not placed', async () => {
  const c = new Connections(uniquePrefix('timeout'));
  const venue = paper();
  const server = await serveVenues(c.open(), [venue], { node: 'venue-node', prefix: c.prefix });
  const remote = await RemoteVenue.connect(c.open(), { venueId: 'paper', node: 'strategy-node', prefix: c.prefix, timeoutMs: 200 });
  await server.stop();
  let later: VenueServer | undefined;
  try {
    const t0 = performance.now();
    await assert.rejects(remote.createOrder({ clientOrderId: 't.1', symbol: 'ETH/USD', side: 'buy', type: 'limit', amount: 1, price: 3_000 }), VenueUnavailableError);
    const waited = performance.now() - t0;
    assert.ok(waited >= 190 && waited < 1_000, `gave up after ${waited} ms`);
    later = await serveVenues(c.open(), [venue], { node: 'venue-node', prefix: c.prefix });
    const admin = c.open();
    const replies = venueStreamKeys(c.prefix).replies('strategy-node');
    // The late create was never delivered, so it is not pending until the new server reads it: wait for its reply.
    for (let i = 0; i < 250 && (await admin.xlen(replies)) < 2; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(await admin.xlen(replies), 2, 'describe, then the late create was answered (refused)');
    assert.equal(await venue.fetchOrderByClientId('t.1', 'ETH/USD'), undefined);
    assert.equal(await remote.fetchOrderByClientId('t.1', 'ETH/USD'), undefined);
  } finally {
    await remote.close();
    await later?.stop();
    await c.close();
  }
});

test('the venue\'s own errors come back as the same classes', async () => {
  const t = await setup('errors', paper({ balances: { USD: 100_000, ETH: 10 }, faults: { unavailableOnCreate: [2] } }));
  try {
    const rejected = await t.remote.createOrder({ clientOrderId: 'e.1', symbol: 'ETH/USD', side: 'buy', type: 'limit', amount: 1 }).catch((e: unknown) => e);
    assert.ok(rejected instanceof OrderRejectedError, String(rejected));
    assert.match(rejected.shortMessage, /limit order needs a positive price/);
    assert.equal(rejected.retryable, false);
    const unavailable = await t.remote.createOrder({ clientOrderId: 'e.2', symbol: 'ETH/USD', side: 'buy', type: 'limit', amount: 1, price: 3_000 }).catch((e: unknown) => e);
    assert.ok(unavailable instanceof VenueUnavailableError, String(unavailable));
    assert.match(unavailable.shortMessage, /injected timeout on create #2/);
    assert.equal((await t.remote.fetchOrderByClientId('e.2', 'ETH/USD'))?.status, 'open', 'the order exists: reconciliation finds it by id');
  } finally {
    await t.close();
  }
});
