import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { orderMachine, type OrderEmitted, type OrderInput, type VenueFill } from '../../machines/order.machine.js';
import type { VenueOrder } from '../../actors/venues/venue.js';

const ID = 'mm-7.0';
const input = (over: Partial<OrderInput> = {}): OrderInput => ({
  venue: 'paper', intentId: 'mm-7', strategy: 'mm',
  request: { clientOrderId: ID, symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 1, price: 20_000 },
  ...over,
});

function start(over: Partial<OrderInput> = {}) {
  const actor = createActor(orderMachine, { input: input(over) });
  const out: OrderEmitted[] = [];
  actor.on('*', (e) => out.push(e as OrderEmitted));
  actor.start();
  const take = () => out.splice(0, out.length);
  return { actor, take, state: () => actor.getSnapshot().value };
}

const vfill = (fillId: string, amount: number, price = 20_000): VenueFill => ({
  fillId, clientOrderId: ID, venue: 'paper', symbol: 'BTC/USDT', side: 'buy', price, amount, fee: amount * price * 0.001, liquidity: 'maker', ts: 1,
});
const vorder = (status: VenueOrder['status'], fills: VenueFill[], filled = fills.reduce((s, f) => s + f.amount, 0)): VenueOrder => ({
  clientOrderId: ID, venueOrderId: 'v1', symbol: 'BTC/USDT', side: 'buy', status, amount: 1, filled, fills,
});
const types = (es: OrderEmitted[]) => es.map((e) => (e.type === 'order.updated' ? `updated:${e.order.status}` : e.type));

test('approved → submitted emits venue.submit once; accepted, partial, filled; fills carry intent and strategy', () => {
  const { actor, take, state } = start();
  assert.deepEqual(types(take()), ['updated:approved']);
  actor.send({ type: 'order.submit', clientOrderId: ID });
  const sent = take();
  assert.deepEqual(types(sent), ['venue.submit', 'updated:submitted']);
  assert.deepEqual(sent[0], { type: 'venue.submit', venue: 'paper', request: input().request });
  actor.send({ type: 'order.submit', clientOrderId: ID });
  assert.deepEqual(take(), [], 'a second submit does not re-send');
  actor.send({ type: 'venue.accepted', clientOrderId: ID, order: vorder('open', []) });
  assert.equal(state(), 'submitted');
  actor.send({ type: 'venue.fill', clientOrderId: ID, fill: vfill('f1', 0.4) });
  assert.equal(state(), 'partially_filled');
  const partial = take();
  assert.deepEqual(types(partial), ['fill.received', 'updated:partially_filled']);
  assert.equal(partial[0]?.type === 'fill.received' && partial[0].fill.intentId, 'mm-7');
  actor.send({ type: 'venue.fill', clientOrderId: ID, fill: vfill('f2', 0.6) });
  assert.equal(state(), 'filled');
  assert.deepEqual(types(take()), ['fill.received', 'updated:partially_filled', 'updated:filled']);
  assert.equal(actor.getSnapshot().status, 'done');
});

test('duplicate fills (same fillId, from events or venue snapshots) are ignored', () => {
  const { actor, take, state } = start();
  actor.send({ type: 'order.submit', clientOrderId: ID });
  actor.send({ type: 'venue.fill', clientOrderId: ID, fill: vfill('f1', 0.5) });
  actor.send({ type: 'venue.fill', clientOrderId: ID, fill: vfill('f1', 0.5) });
  assert.equal(state(), 'partially_filled');
  assert.equal(actor.getSnapshot().context.filled, 0.5);
  actor.send({ type: 'venue.accepted', clientOrderId: ID, order: vorder('open', [vfill('f1', 0.5), vfill('f1', 0.5)], 0.5) });
  assert.equal(actor.getSnapshot().context.filled, 0.5);
  assert.equal(take().filter((e) => e.type === 'fill.received').length, 1);
});

test('an immediately filled market order goes straight to filled', () => {
  const { actor, state } = start();
  actor.send({ type: 'order.submit', clientOrderId: ID });
  actor.send({ type: 'venue.accepted', clientOrderId: ID, order: vorder('closed', [vfill('a', 0.3), vfill('b', 0.7)]) });
  assert.equal(state(), 'filled');
});

test('a venue rejection ends rejected with the reason', () => {
  const { actor, take, state } = start();
  actor.send({ type: 'order.submit', clientOrderId: ID });
  take();
  actor.send({ type: 'venue.rejected', clientOrderId: ID, reason: 'insufficient USDT: need 20,020, free 100' });
  assert.equal(state(), 'rejected');
  const [u] = take();
  assert.equal(u?.type === 'order.updated' && u.order.detail, 'insufficient USDT: need 20,020, free 100');
});

test('UNKNOWN: a timeout queries by the same clientOrderId and resolves to what the venue has, never re-posting', () => {
  const { actor, take, state } = start();
  actor.send({ type: 'order.submit', clientOrderId: ID });
  take();
  actor.send({ type: 'venue.unavailable', clientOrderId: ID, error: 'timeout after 5000 ms' });
  assert.equal(state(), 'unknown');
  assert.deepEqual(take(), [
    { type: 'venue.query', venue: 'paper', clientOrderId: ID, symbol: 'BTC/USDT' },
    { type: 'order.updated', order: { clientOrderId: ID, intentId: 'mm-7', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', status: 'unknown', filled: 0, amount: 1, detail: 'outcome unknown: timeout after 5000 ms' } },
  ]);
  // The query fails too: query again (bounded), never a venue.submit.
  actor.send({ type: 'venue.unavailable', clientOrderId: ID, error: '503' });
  assert.deepEqual(types(take()), ['venue.query']);
  actor.send({ type: 'venue.queried', clientOrderId: ID, order: vorder('open', [vfill('f1', 0.25)]) });
  assert.equal(state(), 'partially_filled');
  assert.deepEqual(types(take()), ['fill.received', 'updated:partially_filled']);
});

test('UNKNOWN resolved as open-unfilled goes back to submitted; as filled, to filled', () => {
  const a = start();
  a.actor.send({ type: 'order.submit', clientOrderId: ID });
  a.actor.send({ type: 'venue.unavailable', clientOrderId: ID, error: 'ECONNRESET' });
  a.actor.send({ type: 'venue.queried', clientOrderId: ID, order: vorder('open', []) });
  assert.equal(a.state(), 'submitted');
  const b = start();
  b.actor.send({ type: 'order.submit', clientOrderId: ID });
  b.actor.send({ type: 'venue.unavailable', clientOrderId: ID, error: 'ECONNRESET' });
  b.actor.send({ type: 'venue.queried', clientOrderId: ID, order: vorder('closed', [vfill('x', 1)]) });
  assert.equal(b.state(), 'filled');
});

test('UNKNOWN and not found: rejected by default (nothing re-sent); resubmitted under the SAME id when configured', () => {
  const a = start();
  a.actor.send({ type: 'order.submit', clientOrderId: ID });
  a.actor.send({ type: 'venue.unavailable', clientOrderId: ID, error: 'timeout' });
  a.take();
  a.actor.send({ type: 'venue.queried', clientOrderId: ID, order: null });
  assert.equal(a.state(), 'rejected');
  assert.deepEqual(types(a.take()), ['updated:rejected']);

  const b = start({ onNotFound: 'resubmit' });
  b.actor.send({ type: 'order.submit', clientOrderId: ID });
  b.actor.send({ type: 'venue.unavailable', clientOrderId: ID, error: 'timeout' });
  b.take();
  b.actor.send({ type: 'venue.queried', clientOrderId: ID, order: null });
  assert.equal(b.state(), 'submitted');
  const [resend] = b.take();
  assert.equal(resend?.type === 'venue.submit' && resend.request.clientOrderId, ID);
});

test('after maxQueryAttempts failed queries UNKNOWN waits for order.query, which queries again', () => {
  const { actor, take, state } = start({ maxQueryAttempts: 2 });
  actor.send({ type: 'order.submit', clientOrderId: ID });
  actor.send({ type: 'venue.unavailable', clientOrderId: ID, error: 'timeout' });
  actor.send({ type: 'venue.unavailable', clientOrderId: ID, error: 'timeout' });
  take();
  actor.send({ type: 'venue.unavailable', clientOrderId: ID, error: 'timeout' });
  assert.deepEqual(types(take()), ['updated:unknown']);
  assert.equal(state(), 'unknown');
  actor.send({ type: 'order.query', clientOrderId: ID });
  assert.deepEqual(types(take()), ['venue.query']);
});

test('cancel: before submit nothing is sent; after, venue.cancel and the venue answer decides', () => {
  const a = start();
  a.take();
  a.actor.send({ type: 'order.cancel', clientOrderId: ID, reason: 'risk halted' });
  assert.equal(a.state(), 'cancelled');
  assert.deepEqual(types(a.take()), ['updated:cancelled']);

  const b = start();
  b.actor.send({ type: 'order.submit', clientOrderId: ID });
  b.actor.send({ type: 'venue.fill', clientOrderId: ID, fill: vfill('f1', 0.2) });
  b.take();
  b.actor.send({ type: 'order.cancel', clientOrderId: ID });
  assert.deepEqual(b.take(), [{ type: 'venue.cancel', venue: 'paper', clientOrderId: ID, symbol: 'BTC/USDT' }]);
  b.actor.send({ type: 'venue.cancelled', clientOrderId: ID, order: vorder('canceled', [vfill('f1', 0.2), vfill('f3', 0.1)]) });
  assert.equal(b.state(), 'cancelled');
  assert.ok(Math.abs(b.actor.getSnapshot().context.filled - 0.3) < 1e-12);
  assert.deepEqual(types(b.take()), ['fill.received', 'updated:cancelled']);
});

test('restoring a submitted snapshot never re-sends venue.submit', () => {
  const { actor } = start();
  actor.send({ type: 'order.submit', clientOrderId: ID });
  const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
  const restored = createActor(orderMachine, { snapshot: persisted, input: input() });
  const out: string[] = [];
  restored.on('*', (e) => out.push(e.type));
  restored.start();
  assert.equal(restored.getSnapshot().value, 'submitted');
  restored.send({ type: 'order.submit', clientOrderId: ID });
  assert.deepEqual(out, []);
});

test('transition table: every remaining path lands where the venue says', () => {
  const toUnknown = () => {
    const s = start();
    s.actor.send({ type: 'order.submit', clientOrderId: ID });
    s.actor.send({ type: 'venue.unavailable', clientOrderId: ID, error: 'timeout' });
    return s;
  };
  const toSubmitted = () => {
    const s = start();
    s.actor.send({ type: 'order.submit', clientOrderId: ID });
    return s;
  };
  const cases: [string, () => ReturnType<typeof start>, Parameters<ReturnType<typeof start>['actor']['send']>[0], string][] = [
    ['submitted + cancelled ack', toSubmitted, { type: 'venue.cancelled', clientOrderId: ID, order: vorder('canceled', []) }, 'cancelled'],
    ['submitted + queried partial', toSubmitted, { type: 'venue.queried', clientOrderId: ID, order: vorder('open', [vfill('q', 0.1)]) }, 'partially_filled'],
    ['submitted + accepted rejected', toSubmitted, { type: 'venue.accepted', clientOrderId: ID, order: vorder('rejected', []) }, 'rejected'],
    ['unknown + queried canceled', toUnknown, { type: 'venue.queried', clientOrderId: ID, order: vorder('canceled', []) }, 'cancelled'],
    ['unknown + queried rejected', toUnknown, { type: 'venue.queried', clientOrderId: ID, order: vorder('rejected', []) }, 'rejected'],
    ['unknown + a fill', toUnknown, { type: 'venue.fill', clientOrderId: ID, fill: vfill('u', 0.5) }, 'partially_filled'],
    ['unknown + late accepted', toUnknown, { type: 'venue.accepted', clientOrderId: ID, order: vorder('open', []) }, 'submitted'],
    ['unknown + cancel ack', toUnknown, { type: 'venue.cancelled', clientOrderId: ID, order: vorder('canceled', []) }, 'cancelled'],
  ];
  for (const [name, setup, event, expected] of cases) {
    const s = setup();
    s.actor.send(event);
    assert.equal(s.state(), expected, name);
  }
});

test('a final order ignores late events', () => {
  const { actor, take, state } = start();
  actor.send({ type: 'order.submit', clientOrderId: ID });
  actor.send({ type: 'venue.accepted', clientOrderId: ID, order: vorder('closed', [vfill('a', 1)]) });
  take();
  actor.send({ type: 'venue.fill', clientOrderId: ID, fill: vfill('late', 0.5) });
  actor.send({ type: 'order.cancel', clientOrderId: ID });
  assert.equal(state(), 'filled');
  assert.deepEqual(take(), []);
});

test('a cancel that failed is followed by a query: an order that filled meanwhile ends filled, not left working', () => {
  const { actor, take, state } = start();
  actor.send({ type: 'order.submit', clientOrderId: ID });
  actor.send({ type: 'venue.accepted', clientOrderId: ID, order: vorder('open', []) });
  actor.send({ type: 'order.cancel', clientOrderId: ID });
  take();
  // Execution answers a failed cancel with order.query.
  actor.send({ type: 'order.query', clientOrderId: ID });
  assert.deepEqual(types(take()), ['venue.query']);
  actor.send({ type: 'venue.queried', clientOrderId: ID, order: vorder('closed', [vfill('f1', 1)]) });
  assert.equal(state(), 'filled');
  assert.deepEqual(types(take()), ['fill.received', 'updated:filled']);

  const half = start();
  half.actor.send({ type: 'order.submit', clientOrderId: ID });
  half.actor.send({ type: 'venue.fill', clientOrderId: ID, fill: vfill('f1', 0.5) });
  half.actor.send({ type: 'order.query', clientOrderId: ID });
  assert.equal(half.take().at(-1)?.type, 'venue.query');
  half.actor.send({ type: 'venue.queried', clientOrderId: ID, order: vorder('canceled', [vfill('f1', 0.5)]) });
  assert.equal(half.state(), 'cancelled');
});
