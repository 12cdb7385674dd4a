import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { PaperVenue } from '../../../actors/venues/paper/paper-venue.js';
import { VenueUnavailableError } from '../../../actors/runtime/errors.js';
import { orderMachine, type OrderEmitted } from '../../../machines/order.machine.js';
import { sampleBook } from '../../execution/real-books.js';

/**
 * R3 end to end without the runtime: the create times out AFTER the paper venue recorded the order.
 * The order machine goes UNKNOWN, queries by the same clientOrderId, and ends filled; the venue saw
 * exactly one order and the account paid once.
 */
test('a create that times out after recording resolves by query, never a second order', async () => {
  const venue = new PaperVenue({ balances: { USD: 100_000 }, faults: { unavailableOnCreate: [1] } });
  venue.onBook({ ...sampleBook('bitstamp', 'ethusd'), venue: 'paper', symbol: 'ETH/USD' });
  const request = { clientOrderId: 'mm-9.0', symbol: 'ETH/USD', side: 'buy' as const, type: 'market' as const, amount: 2 };
  const actor = createActor(orderMachine, { input: { venue: 'paper', intentId: 'mm-9', strategy: 'mm', request } }).start();
  const effects: OrderEmitted[] = [];
  const messages: OrderEmitted[] = [];
  actor.on('*', (e) => ((e.type.startsWith('venue.') ? effects : messages) as OrderEmitted[]).push(e as OrderEmitted));

  // The host performs effects one at a time and feeds results back, as the runtime would.
  let creates = 0;
  actor.send({ type: 'order.submit', clientOrderId: request.clientOrderId });
  while (effects.length > 0) {
    const effect = effects.shift()!;
    if (effect.type === 'venue.submit') {
      creates += 1;
      try {
        const order = await venue.createOrder(effect.request);
        actor.send({ type: 'venue.accepted', clientOrderId: order.clientOrderId, order });
      } catch (error) {
        assert.ok(error instanceof VenueUnavailableError);
        actor.send({ type: 'venue.unavailable', clientOrderId: effect.request.clientOrderId, error: error.shortMessage });
      }
    } else if (effect.type === 'venue.query') {
      const order = await venue.fetchOrderByClientId(effect.clientOrderId, effect.symbol);
      actor.send({ type: 'venue.queried', clientOrderId: effect.clientOrderId, order: order ?? null });
    }
  }
  assert.equal(creates, 1);
  assert.equal(actor.getSnapshot().value, 'filled');
  const statuses = messages.filter((m) => m.type === 'order.updated').map((m) => (m.type === 'order.updated' ? m.order.status : ''));
  assert.deepEqual(statuses, ['submitted', 'unknown', 'filled']);
  assert.equal(messages.filter((m) => m.type === 'fill.received').length, 1);
  const usd = (await venue.fetchBalance()).USD!;
  const cost = 2 * 3805.47;
  assert.ok(Math.abs(usd.free - (100_000 - cost * 1.001)) < 1e-6, `paid once: ${usd.free}`);
});

test('an injected fetch failure keeps the order UNKNOWN and the next query resolves it', async () => {
  const venue = new PaperVenue({ balances: { USD: 100_000 }, faults: { unavailableOnCreate: [1], unavailableOnFetch: [1] } });
  venue.onBook({ ...sampleBook('bitstamp', 'ethusd'), venue: 'paper', symbol: 'ETH/USD' });
  const req = { clientOrderId: 'x.0', symbol: 'ETH/USD', side: 'buy' as const, type: 'limit' as const, amount: 1, price: 3_700 };
  await assert.rejects(venue.createOrder(req), VenueUnavailableError);
  await assert.rejects(venue.fetchOrderByClientId('x.0', 'ETH/USD'), VenueUnavailableError);
  const found = await venue.fetchOrderByClientId('x.0', 'ETH/USD');
  assert.equal(found?.status, 'open');
  assert.equal((await venue.createOrder(req)).venueOrderId, found?.venueOrderId);
});
