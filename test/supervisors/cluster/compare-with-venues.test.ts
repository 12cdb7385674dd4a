import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithVenues, type JournalView, type VenueLog } from '../../../supervisors/cluster/compare-with-venues.js';
import type { VenueOrder } from '../../../actors/venues/venue.js';

const fill = (fillId: string, clientOrderId: string, amount: number) => ({ fillId, clientOrderId, venue: 'paper@n1', symbol: 'BTC/USDT', side: 'buy' as const, price: 100, amount, fee: 0.01, liquidity: 'taker' as const, ts: 1 });
const venueOrder = (clientOrderId: string, amount: number, filled: number, status: VenueOrder['status'], fills = [fill(`f-${clientOrderId}`, clientOrderId, filled)]): VenueOrder => ({
  clientOrderId, symbol: 'BTC/USDT', side: 'buy', status, amount, filled, fills: filled > 0 ? fills : [],
});

const journal = (over: Partial<JournalView> = {}): JournalView => ({
  node: 'n1',
  orders: [
    { clientOrderId: 'a.0', intentId: 'a', status: 'filled', filled: 1 },
    { clientOrderId: 'b.0', intentId: 'b', status: 'cancelled', filled: 0 },
  ],
  fills: [{ fillId: 'f-a.0', clientOrderId: 'a.0' }],
  intents: [{ intentId: 'a', amount: 1 }, { intentId: 'b', amount: 2 }],
  ...over,
});
const venues = (orders: VenueOrder[]): VenueLog[] => [{ node: 'n1', orders }];
const agreeing = [venueOrder('a.0', 1, 1, 'closed'), venueOrder('b.0', 2, 0, 'canceled')];

test('a journal that agrees with the venue has nothing lost, duplicated, untracked or unreconciled', () => {
  assert.deepEqual(compareWithVenues([journal()], venues(agreeing)), { lost: 0, duplicated: 0, untrackedFills: 0, unreconciled: 0, examples: [] });
});

test('a venue order the journal lacks is lost, and named', () => {
  const v = compareWithVenues([journal()], venues([...agreeing, venueOrder('c.0', 1, 0, 'open')]));
  assert.equal(v.lost, 1);
  assert.match(v.examples[0]!, /^lost: n1: venue order c\.0 \(buy 1 BTC\/USDT, open\) is not in the journal/);
});

test('a venue fill the journal lacks is untracked; a venue order ended with another filled amount is unreconciled', () => {
  const v = compareWithVenues([journal({ fills: [] })], venues(agreeing));
  assert.equal(v.untrackedFills, 1);
  const w = compareWithVenues([journal({ orders: [{ clientOrderId: 'a.0', intentId: 'a', status: 'submitted', filled: 0.5 }, { clientOrderId: 'b.0', intentId: 'b', status: 'cancelled', filled: 0 }] })], venues(agreeing));
  assert.equal(w.unreconciled, 1);
  assert.match(w.examples.join('\n'), /a\.0 is closed with 1 filled at the venue, submitted with 0\.5 in the journal/);
});

test('an intent the venue executed twice (two ids, both journaled) is duplicated; split children that add up to it are not', () => {
  const orders = [...journal().orders, { clientOrderId: 'a.1', intentId: 'a', status: 'filled', filled: 1 }];
  const twice = compareWithVenues([journal({ orders, fills: [{ fillId: 'f-a.0', clientOrderId: 'a.0' }, { fillId: 'f-a.1', clientOrderId: 'a.1' }] })], venues([...agreeing, venueOrder('a.1', 1, 1, 'closed')]));
  assert.equal(twice.duplicated, 1);
  const split = compareWithVenues(
    [journal({ orders: [{ clientOrderId: 'b.0', intentId: 'b', status: 'filled', filled: 1 }, { clientOrderId: 'b.1', intentId: 'b', status: 'filled', filled: 1 }], fills: [{ fillId: 'f-b.0', clientOrderId: 'b.0' }, { fillId: 'f-b.1', clientOrderId: 'b.1' }] })],
    venues([venueOrder('b.0', 1, 1, 'closed'), venueOrder('b.1', 1, 1, 'closed')]),
  );
  assert.equal(split.duplicated, 0);
});

test("a node whose journal is missing altogether has every venue order lost", () => {
  assert.equal(compareWithVenues([], venues(agreeing)).lost, 2);
});
