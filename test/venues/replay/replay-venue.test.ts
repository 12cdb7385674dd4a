import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReplayVenue } from '../../../actors/venues/replay/replay-venue.js';
import { fillModel, type FillModel } from '../../../actors/venues/replay/fill-model.js';
import { SimulatedClock } from '../../../actors/runtime/clock.js';
import { OrderRejectedError } from '../../../actors/runtime/errors.js';

const TF = 60_000;
const bar = (ts: number, open: number, volume = 1_000) => ({ ts, open, high: open + 1, low: open - 1, close: open, volume });
const order = (id: string, amount = 10, side: 'buy' | 'sell' = 'buy') => ({ clientOrderId: id, symbol: 'X/Y', side, type: 'market' as const, amount });

test('no look-ahead: an order decided at a bar close never fills on a bar that opened before it', () => {
  const clock = new SimulatedClock(0);
  const venue = new ReplayVenue('replay', fillModel('optimistic', 0), clock);
  clock.set(TF); // close of bar 0
  venue.accept(order('a'));
  assert.deepEqual(venue.openBar('X/Y', bar(0, 50), TF), [], 'bar 0 opened before the decision');
  const [ev] = venue.openBar('X/Y', bar(TF, 51), TF);
  assert.equal(ev!.fill!.price, 51);
  assert.equal(ev!.order.status, 'closed');
  assert.equal(ev!.fill!.fillId, 'a-f1');
});

test('partial fills over bars at the participation cap, the rest cancelled after maxBars', () => {
  const model: FillModel = { ...fillModel('optimistic', 0), maxParticipation: 0.1, maxBars: 2 };
  const clock = new SimulatedClock(0);
  const venue = new ReplayVenue('replay', model, clock);
  venue.accept(order('p', 250));
  const first = venue.openBar('X/Y', bar(0, 10, 1_000), TF);
  assert.equal(first[0]!.fill!.amount, 100);
  assert.equal(first[0]!.order.status, 'open');
  const second = venue.openBar('X/Y', bar(TF, 11, 500), TF);
  assert.equal(second[0]!.fill!.amount, 50);
  assert.equal(second[0]!.order.status, 'canceled');
  assert.equal(second[0]!.order.filled, 150);
  assert.deepEqual(venue.openBar('X/Y', bar(2 * TF, 12), TF), []);
});

test('latency longer than a bar pushes the fill to a later bar', () => {
  const clock = new SimulatedClock(0);
  const venue = new ReplayVenue('replay', { ...fillModel('optimistic', 0), latencyMs: 90_000 }, clock);
  venue.accept(order('l'));
  assert.deepEqual(venue.openBar('X/Y', bar(0, 10), TF), []);
  const [ev] = venue.openBar('X/Y', bar(TF, 11), TF);
  // arrives 30 s into the second bar: half way from open 11 to high 12
  assert.equal(ev!.fill!.price, 11.5);
  assert.equal(ev!.fill!.ts, 90_000);
});

test('same clientOrderId is idempotent; fills are reported once by fetchOrderByClientId; a limit order without a price is refused', async () => {
  const clock = new SimulatedClock(0);
  const venue = new ReplayVenue('replay', fillModel('optimistic', 0.001), clock);
  await venue.createOrder(order('x'));
  await venue.createOrder(order('x', 99));
  venue.openBar('X/Y', bar(0, 10), TF);
  const fetched = await venue.fetchOrderByClientId('x');
  assert.equal(fetched!.amount, 10);
  assert.equal(fetched!.fills.length, 0, 'openBar already reported the fill');
  assert.equal(await venue.fetchOrderByClientId('nope'), undefined);
  await assert.rejects(venue.createOrder({ ...order('y'), type: 'limit' }), OrderRejectedError);
  assert.equal(venue.fees.taker, 0.001);
});

test('cancel removes a resting order', async () => {
  const clock = new SimulatedClock(0);
  const venue = new ReplayVenue('replay', fillModel('optimistic', 0), clock);
  venue.accept(order('c'));
  assert.equal((await venue.cancelOrder('c', 'X/Y')).status, 'canceled');
  assert.deepEqual(venue.openBar('X/Y', bar(0, 10), TF), []);
});

test('with a recorded book, market orders walk it: VWAP price, partial fill when depth runs out, rest on the next bar', () => {
  const clock = new SimulatedClock(0);
  const book = { venue: 'replay', symbol: 'X/Y', ts: 0, bids: [[9, 5]] as [number, number][], asks: [[10, 4], [11, 4]] as [number, number][] };
  const venue = new ReplayVenue('replay', fillModel('optimistic', 0.001), clock, (symbol, ts) => (symbol === 'X/Y' && ts >= book.ts ? book : undefined));
  venue.accept(order('b', 10));
  const [ev] = venue.openBar('X/Y', bar(0, 50), TF);
  assert.equal(ev!.fill!.amount, 8);
  assert.equal(ev!.fill!.price, (4 * 10 + 4 * 11) / 8);
  assert.ok(Math.abs(ev!.fill!.fee - 84 * 0.001) < 1e-12);
  assert.equal(ev!.order.status, 'open');
  const [next] = venue.openBar('X/Y', bar(TF, 50), TF);
  assert.equal(next!.fill!.amount, 2);
  assert.equal(next!.order.status, 'closed');
});

test('a book recorded after the fill time is refused (look-ahead)', () => {
  const clock = new SimulatedClock(0);
  const late = { venue: 'replay', symbol: 'X/Y', ts: 10 * TF, bids: [], asks: [[10, 4]] as [number, number][] };
  const venue = new ReplayVenue('replay', fillModel('optimistic', 0), clock, () => late);
  venue.accept(order('z', 1));
  assert.throws(() => venue.openBar('X/Y', bar(0, 50), TF), /look-ahead/);
});

test('a resting limit order waits for a bar that reaches it and is never cancelled by the bar limit', () => {
  const clock = new SimulatedClock(0);
  const venue = new ReplayVenue('replay', fillModel('default', 0.001), clock);
  venue.accept({ ...order('lim', 5), type: 'limit', price: 8 });
  for (let i = 0; i < 5; i++) assert.deepEqual(venue.openBar('X/Y', bar(i * TF, 10), TF), []);
  const [ev] = venue.openBar('X/Y', { ts: 5 * TF, open: 9, high: 9, low: 7, close: 8, volume: 1000 }, TF);
  assert.equal(ev!.fill!.price, 8);
  assert.equal(ev!.fill!.liquidity, 'maker');
  assert.equal(ev!.order.status, 'closed');
});

test('a limit order marketable when accepted takes like a market order on its first bar, never past its limit; one the open ran past rests as maker', () => {
  const model: FillModel = { ...fillModel('default', 0.001), latencyMs: 0 };
  const clock = new SimulatedClock(0);
  const venue = new ReplayVenue('replay', model, clock);
  venue.openBar('X/Y', bar(0, 10), TF); // the last close is 10
  clock.set(TF);
  venue.accept({ ...order('take', 5), type: 'limit', price: 10.2 });
  venue.accept({ ...order('cap', 5), type: 'limit', price: 10.001 });
  const [take, cap] = venue.openBar('X/Y', bar(TF, 10), TF);
  const market = 10 * (1 + model.halfSpread + model.impact * Math.sqrt(5 / 1_000));
  assert.deepEqual([take!.fill!.price, take!.fill!.liquidity, take!.fill!.fee], [market, 'taker', market * 5 * 0.001]);
  assert.deepEqual([cap!.fill!.price, cap!.fill!.liquidity], [10.001, 'taker'], 'slippage past the limit is capped at it');

  clock.set(3 * TF);
  venue.openBar('X/Y', bar(2 * TF, 10), TF);
  venue.accept({ ...order('gap', 5), type: 'limit', price: 10.2 });
  assert.deepEqual(venue.openBar('X/Y', { ts: 3 * TF, open: 10.5, high: 10.6, low: 10.3, close: 10.5, volume: 1_000 }, TF), [], 'opened over the limit: it rests');
  const [later] = venue.openBar('X/Y', { ts: 4 * TF, open: 10.4, high: 10.4, low: 10.1, close: 10.1, volume: 1_000 }, TF);
  assert.deepEqual([later!.fill!.price, later!.fill!.liquidity], [10.2, 'maker']);
});
