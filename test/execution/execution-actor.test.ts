import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActorSystem } from '../../actors/runtime/system.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import type { Message } from '../../actors/runtime/messages.js';
import { mintApproval } from '../../actors/risk/approval.js';
import type { OrderIntent } from '../../actors/risk/intent.js';
import { PaperVenue, type PaperVenueOptions } from '../../actors/venues/paper/paper-venue.js';
import { executionActor } from '../../actors/execution/execution-actor.js';
import { openStore } from '../../actors/ledger/storage/store.js';
import { journalObserver } from '../../actors/ledger/journal-observer.js';
import type { Venue } from '../../actors/venues/venue.js';
import { clientOrderId } from '../../actors/execution/client-order-id.js';
import { VenueUnavailableError } from '../../actors/runtime/errors.js';
import Database from 'better-sqlite3';

const intent = (n: number, extra: Partial<OrderIntent> = {}): OrderIntent => ({
  intentId: `s-${n}`, strategy: 's', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', kind: 'open', type: 'limit', amount: 0.01, price: 30_000, ...extra,
});

function setup(faults: PaperVenueOptions['faults'] = {}, wrap: (v: PaperVenue) => Venue = (v) => v) {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'arbiter-exec-')), 'journal.db'));
  const paper = new PaperVenue({ id: 'paper', balances: { USDT: 100_000, BTC: 1 }, faults });
  paper.onCandle('BTC/USDT', { ts: 0, open: 30_000, high: 30_100, low: 29_900, close: 30_000, volume: 50 });
  const venue = wrap(paper);
  const system = new ActorSystem({ clock: new SimulatedClock(1_000) });
  system.observe(journalObserver(store));
  const seen: Message[] = [];
  system.observe((m) => seen.push(m));
  system.spawn(executionActor({ venues: { paper: venue }, store, input: { venues: { paper: { taker: 0.001 } }, maxLiquidityFraction: 0.1 } }));
  return { store, paper, system, seen };
}

test('the intent and its order row are journaled before the venue is called (R2)', async () => {
  let atCall: unknown;
  const ctx = setup({}, (paper) => {
    const venue = Object.create(paper) as PaperVenue;
    venue.createOrder = async (request) => {
      // Read on a second connection: what is committed, not what one connection has in flight.
      const reader = new Database(ctx.store.db.name, { readonly: true });
      atCall = reader.prepare('SELECT o.status, i.intent_id AS intent FROM orders o JOIN intents i ON i.intent_id = o.intent_id WHERE o.client_order_id = ?').get(request.clientOrderId);
      reader.close();
      return paper.createOrder(request);
    };
    return venue;
  });
  ctx.system.publish({ type: 'orders.approved', approvals: [mintApproval('a1', intent(1), 0.01, 1_000)] });
  await ctx.system.whenQuiescent();
  assert.deepEqual(atCall, { status: 'submitted', intent: 's-1' });
  assert.equal(ctx.store.orders.order(clientOrderId('s-1'))?.status, 'submitted');
});

test('a batch of approvals commits every intent and order row, in one transaction, before the first venue call', async () => {
  let atFirstCall: unknown;
  const ctx = setup({}, (paper) => {
    const venue = Object.create(paper) as PaperVenue;
    venue.createOrder = async (request) => {
      if (atFirstCall === undefined) {
        const reader = new Database(ctx.store.db.name, { readonly: true });
        atFirstCall = reader.prepare('SELECT o.client_order_id AS id, o.status FROM orders o JOIN intents i ON i.intent_id = o.intent_id ORDER BY o.client_order_id').all();
        reader.close();
      }
      return paper.createOrder(request);
    };
    return venue;
  });
  ctx.system.publish({ type: 'orders.approved', approvals: [1, 2, 3].map((i) => mintApproval(`a${i}`, intent(i, { price: 30_000 - i }), 0.01, 1_000)) });
  await ctx.system.whenQuiescent();
  assert.deepEqual(atFirstCall, [1, 2, 3].map((i) => ({ id: clientOrderId(`s-${i}`), status: 'submitted' })));
});

test('a journal that refuses the submission (intent id reused with other content) keeps the order from the venue', async () => {
  const ctx = setup();
  ctx.store.orders.recordIntent(intent(1, { price: 29_000 }), 1);
  ctx.system.publish({ type: 'orders.approved', approvals: [mintApproval('a1', intent(1), 0.01, 1_000)] });
  await ctx.system.whenQuiescent();
  assert.equal(await ctx.paper.fetchOrderByClientId(clientOrderId('s-1'), 'BTC/USDT'), undefined, 'nothing reached the venue');
  assert.equal(ctx.store.orders.order(clientOrderId('s-1')), undefined);
  assert.ok(ctx.seen.some((m) => m.type === 'effect.failed'));
});

test('a resubmit under the same clientOrderId (venue never saw it) is journaled on the order it already has', async () => {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'arbiter-exec-')), 'journal.db'));
  const paper = new PaperVenue({ id: 'paper', balances: { USDT: 100_000, BTC: 1 } });
  paper.onCandle('BTC/USDT', { ts: 0, open: 30_000, high: 30_100, low: 29_900, close: 30_000, volume: 50 });
  // The first create is lost on the way (never recorded), so the query finds nothing and the order is sent again.
  let creates = 0;
  const venue = Object.create(paper) as PaperVenue;
  venue.createOrder = async (request) => {
    creates += 1;
    if (creates === 1) throw new VenueUnavailableError('connection reset before the venue read it');
    return paper.createOrder(request);
  };
  const system = new ActorSystem({ clock: new SimulatedClock(1_000) });
  system.observe(journalObserver(store));
  system.spawn(executionActor({ venues: { paper: venue }, store, input: { venues: { paper: { taker: 0.001, onNotFound: 'resubmit' } }, maxLiquidityFraction: 0.1 } }));
  system.publish({ type: 'orders.approved', approvals: [mintApproval('a1', intent(1), 0.01, 1_000)] });
  await system.whenQuiescent();
  assert.equal(creates, 2);
  assert.equal((await paper.fetchOrderByClientId(clientOrderId('s-1'), 'BTC/USDT'))?.status, 'open');
  assert.equal(store.orders.order(clientOrderId('s-1'))?.status, 'submitted');
  assert.equal(store.orders.intent('s-1')?.intentId, 's-1');
});

test('a timeout on create is UNKNOWN and is resolved by querying the same clientOrderId, never re-posted (R3)', async () => {
  const { paper, system, seen, store } = setup({ unavailableOnCreate: [1], unavailableOnFetch: [1] });
  system.publish({ type: 'orders.approved', approvals: [mintApproval('a1', intent(1), 0.01, 1_000)] });
  await system.whenQuiescent();
  const reports = seen.filter((m): m is Message<'orders.updated'> => m.type === 'orders.updated');
  // approved and submitted in the approval's transition, one report; then unknown; then the query finds it open.
  assert.deepEqual(reports.map((m) => m.updates.map((o) => o.status)), [['approved', 'submitted'], ['unknown'], ['submitted']]);
  assert.ok(reports.every((m) => m.to === 'strategy:s'), 'addressed to the strategy that placed the order');
  const clientOrderIds = reports.flatMap((m) => m.updates.map((o) => o.clientOrderId));
  assert.equal(new Set(clientOrderIds).size, 1, 'one clientOrderId throughout');
  const atVenue = await paper.fetchOrderByClientId(clientOrderIds[0]!, 'BTC/USDT');
  assert.equal(atVenue?.status, 'open', 'the order the timeout hid is found and tracked');
  assert.equal(store.orders.nonTerminalOrders().length, 1);
});

test('execution refuses anything that is not an approval minted by risk', async () => {
  const { paper, system, seen } = setup();
  const forged = { approvalId: 'x', intent: intent(9), amount: 0.01, ts: 1_000 };
  system.publish({ type: 'orders.approved', approvals: [forged] });
  await system.whenQuiescent();
  assert.ok(seen.some((m) => m.type === 'execution.refused'));
  assert.equal(await paper.fetchOrderByClientId(clientOrderId('s-9'), 'BTC/USDT'), undefined, 'nothing reached the venue');
});

test('a batch of approvals is placed in one transition, each order journaled before its venue call; orders.cancelAll cancels every resting order', async () => {
  const { paper, system, seen, store } = setup();
  system.publish({ type: 'orders.approved', approvals: [1, 2, 3].map((i) => mintApproval(`a${i}`, intent(i, { price: 30_000 - i }), 0.01, 1_000)) });
  await system.whenQuiescent();
  const first = seen.find((m): m is Message<'orders.updated'> => m.type === 'orders.updated');
  assert.deepEqual(first?.updates.map((o) => `${o.intentId} ${o.status}`), ['s-1 approved', 's-1 submitted', 's-2 approved', 's-2 submitted', 's-3 approved', 's-3 submitted'], 'one report for the whole batch');
  for (let i = 1; i <= 3; i++) assert.equal(store.orders.order(clientOrderId(`s-${i}`))?.status, 'submitted');
  system.publish({ type: 'orders.cancelAll', reason: 'test' });
  await system.whenQuiescent();
  for (let i = 1; i <= 3; i++) assert.equal((await paper.fetchOrderByClientId(clientOrderId(`s-${i}`), 'BTC/USDT'))?.status, 'canceled');
  for (let i = 1; i <= 3; i++) assert.equal(store.orders.order(clientOrderId(`s-${i}`))?.status, 'cancelled', 'every update of a report is journaled');
});
