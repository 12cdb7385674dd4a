import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openJournal } from '../../../actors/ledger/storage/open-journal.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import type { Fill } from '../../../actors/ledger/types.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { JournalConflictError } from '../../../actors/ledger/storage/journal-conflict-error.js';
import { backends } from '../../support/journal-backends.js';

const intent: OrderIntent = {
  intentId: 'mm-1',
  strategy: 'mm',
  venue: 'paper',
  symbol: 'BTC/USDT',
  side: 'buy',
  kind: 'open',
  type: 'limit',
  amount: 0.001,
  price: 50_000,
  stopLossDistance: 0.01,
};

const fill: Fill = {
  fillId: 'f-1',
  clientOrderId: 'mm-1-0',
  intentId: 'mm-1',
  strategy: 'mm',
  venue: 'paper',
  symbol: 'BTC/USDT',
  side: 'buy',
  price: 49_990,
  amount: 0.0004,
  fee: 0.02,
  liquidity: 'maker',
  ts: 1_000,
};

for (const backend of backends) {
  test(`${backend.name}: intents and orders round-trip; the order takes its price from the intent`, () => {
    const store = openJournal(backend.fresh());
    assert.equal(store.orders.recordIntent(intent, 900), true);
    assert.equal(store.orders.recordIntent(intent, 901), false, 'journaled once');
    assert.deepEqual(store.orders.intent('mm-1'), intent);

    store.orders.upsertOrder({ clientOrderId: 'mm-1-0', intentId: 'mm-1', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', status: 'approved', filled: 0, amount: 0.001, ts: 950 });
    assert.deepEqual(store.orders.order('mm-1-0'), {
      clientOrderId: 'mm-1-0', intentId: 'mm-1', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy',
      status: 'approved', filled: 0, amount: 0.001, price: 50_000, createdTs: 950, updatedTs: 950,
    });
    assert.equal(store.orders.order('nope'), undefined);
    store.close();
  });

  test(`${backend.name}: non-terminal orders are the ones to reconcile; a terminal status is final and filled never shrinks`, () => {
    const store = openJournal(backend.fresh());
    const base = { intentId: 'i', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'sell' as const, amount: 1 };
    store.orders.upsertOrder({ ...base, clientOrderId: 'a', status: 'submitted', filled: 0, ts: 1 });
    store.orders.upsertOrder({ ...base, clientOrderId: 'b', status: 'unknown', filled: 0, ts: 2, detail: 'timeout on create' });
    store.orders.upsertOrder({ ...base, clientOrderId: 'c', status: 'filled', filled: 1, ts: 3 });
    store.orders.upsertOrder({ ...base, clientOrderId: 'a', status: 'partially_filled', filled: 0.5, ts: 4 });
    // Late, out-of-order updates for c must not reopen it or lower its fill.
    store.orders.upsertOrder({ ...base, clientOrderId: 'c', status: 'submitted', filled: 0.2, ts: 5 });

    assert.deepEqual(store.orders.nonTerminalOrders().map((o) => [o.clientOrderId, o.status, o.filled]), [
      ['a', 'partially_filled', 0.5],
      ['b', 'unknown', 0],
    ]);
    const c = store.orders.order('c')!;
    assert.equal(c.status, 'filled');
    assert.equal(c.filled, 1);
    assert.equal(store.orders.order('b')!.detail, 'timeout on create');
    assert.equal(store.orders.orderCount(), 3);
    assert.equal(store.orders.orderCount(2), 2);
    store.close();
  });

  test(`${backend.name}: a fill recorded twice is stored once`, () => {
    const store = openJournal(backend.fresh());
    assert.equal(store.orders.recordFill(fill), 'recorded');
    assert.equal(store.orders.recordFill({ ...fill }), 'duplicate');
    assert.equal(store.orders.recordFill({ ...fill, ts: 2_000 }), 'duplicate', 'the same trade stamped at another time is the same fill');
    assert.equal(store.orders.recordFill({ ...fill, fillId: 'f-2', amount: 0.0006, ts: 1_001 }), 'recorded');
    assert.deepEqual(store.orders.fills('mm-1-0'), [fill, { ...fill, fillId: 'f-2', amount: 0.0006, ts: 1_001 }]);
    assert.equal(store.orders.fillCount(), 2);
    assert.deepEqual(store.orders.fillConflicts(), []);
    store.close();
  });

  test(`${backend.name}: a fill id journaled with other content is a conflict: the first stays, the newcomer is kept aside with its differences`, () => {
    const where = backend.fresh();
    const store = openJournal(where);
    store.orders.recordFill(fill);
    // A second run whose venue counted its fills from 1 again: same id, another order, another amount.
    const reused: Fill = { ...fill, clientOrderId: 'mm-7-0', intentId: 'mm-7', amount: 0.0009, ts: 5_000 };
    assert.equal(store.orders.recordFill(reused), 'conflict');
    assert.deepEqual(store.orders.fills('mm-1-0'), [fill], 'the journaled fill is untouched');
    assert.deepEqual(store.orders.fills('mm-7-0'), []);
    store.close();
    const reopened = openJournal(where);
    const [conflict, ...more] = reopened.orders.fillConflicts();
    assert.equal(more.length, 0);
    assert.deepEqual(conflict, {
      fillId: 'f-1', fill: reused, journaled: fill, ts: 5_000,
      differences: ['clientOrderId: mm-1-0 → mm-7-0', 'intentId: mm-1 → mm-7', 'amount: 0.0004 → 0.0009'],
    });
    reopened.close();
  });

  test(`${backend.name}: an intent and its order row commit together; an intent id journaled with other content is refused`, () => {
    const store = openJournal(backend.fresh());
    const order = { clientOrderId: 'mm-1.0', intentId: 'mm-1', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy' as const, status: 'submitted' as const, filled: 0, amount: 0.001, ts: 900 };
    store.orders.recordSubmission(intent, order);
    store.orders.recordSubmission(intent, { ...order, clientOrderId: 'mm-1.1' });
    assert.deepEqual(store.orders.intent('mm-1'), intent);
    assert.deepEqual(store.orders.nonTerminalOrders().map((o) => [o.clientOrderId, o.status, o.price]), [['mm-1.0', 'submitted', 50_000], ['mm-1.1', 'submitted', 50_000]]);
    assert.throws(() => store.orders.recordSubmission({ ...intent, price: 51_000 }, { ...order, clientOrderId: 'mm-1.2' }), JournalConflictError);
    assert.equal(store.orders.order('mm-1.2'), undefined, 'neither row of the refused submission is written');
    assert.equal(store.orders.intent('mm-1')?.price, 50_000);
    store.close();
  });

  test(`${backend.name}: order updates change journaled rows only: an update for an order the journal lacks creates nothing`, () => {
    const store = openJournal(backend.fresh());
    const base = { intentId: 'mm-1', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy' as const, amount: 0.001 };
    assert.equal(store.orders.updateOrder({ ...base, clientOrderId: 'mm-1.0', status: 'submitted', filled: 0, ts: 1 }), false);
    assert.equal(store.orders.order('mm-1.0'), undefined);
    store.orders.recordSubmission(intent, { ...base, clientOrderId: 'mm-1.0', status: 'submitted', filled: 0, ts: 1 });
    assert.equal(store.orders.updateOrder({ ...base, clientOrderId: 'mm-1.0', status: 'partially_filled', filled: 0.0004, ts: 2 }), true);
    assert.equal(store.orders.updateOrder({ ...base, clientOrderId: 'mm-1.0', status: 'filled', filled: 0.001, ts: 3 }), true);
    store.orders.updateOrder({ ...base, clientOrderId: 'mm-1.0', status: 'partially_filled', filled: 0.0004, ts: 4, detail: 'late' });
    assert.deepEqual([store.orders.order('mm-1.0')?.status, store.orders.order('mm-1.0')?.filled], ['filled', 0.001], 'terminal stays terminal, filled never shrinks');
    store.close();
  });

  test(`${backend.name}: vetoes keep reason, detail and the intent`, () => {
    const store = openJournal(backend.fresh());
    store.vetoes.record({ intent, reason: 'MAX_NOTIONAL', detail: 'notional=60000 > max=10000', ts: 10 });
    store.vetoes.record({ intent: { ...intent, intentId: 'mm-2' }, reason: 'STALE_MARKET_DATA', detail: 'book age 7000ms > 5000ms', ts: 20 });
    store.vetoes.record({ intent: { ...intent, intentId: 'mm-3' }, reason: 'MAX_NOTIONAL', detail: 'x', ts: 30 });
    assert.deepEqual(store.vetoes.list()[0], { intent, reason: 'MAX_NOTIONAL', detail: 'notional=60000 > max=10000', ts: 10 });
    assert.equal(store.vetoes.count(), 3);
    assert.equal(store.vetoes.count(20), 2);
    assert.deepEqual(store.vetoes.countByReason(), { MAX_NOTIONAL: 2, STALE_MARKET_DATA: 1 });
    store.close();
  });

  test(`${backend.name}: dead letters keep the message (with bigints), the reason and the error`, () => {
    const store = openJournal(backend.fresh());
    const message = { type: 'chain.block', number: 19_000_000n, id: 'm1', correlationId: 'm1', ts: 5 } as unknown as Message;
    store.deadLetters.record({ actor: 'strategy:mm', message, reason: 'crashed', error: 'Error: boom', ts: 5 });
    store.deadLetters.record({ actor: 'gone', message, reason: 'stopped', ts: 6 });
    const letters = store.deadLetters.list();
    assert.deepEqual(letters, [
      { actor: 'strategy:mm', message, reason: 'crashed', error: 'Error: boom', ts: 5 },
      { actor: 'gone', message, reason: 'stopped', ts: 6 },
    ]);
    assert.equal(typeof (letters[0]!.message as unknown as { number: unknown }).number, 'bigint');
    assert.equal(store.deadLetters.count(6), 1);
    store.close();
  });

  test(`${backend.name}: snapshots load what was saved last, bigints included`, () => {
    const store = openJournal(backend.fresh());
    assert.equal(store.snapshots.load('risk'), undefined);
    store.snapshots.save('risk', { value: 'ACTIVE', context: { dailyLoss: 0 } });
    store.snapshots.save('risk', { value: 'HALTED', context: { dailyLoss: 600, wei: 10n ** 18n } });
    assert.deepEqual(store.snapshots.load('risk'), { value: 'HALTED', context: { dailyLoss: 600, wei: 10n ** 18n } });
    store.snapshots.delete('risk');
    assert.equal(store.snapshots.load('risk'), undefined);
    store.close();
  });

  test(`${backend.name}: restarts, equity and positions round-trip`, () => {
    const store = openJournal(backend.fresh());
    store.restarts.record({ actor: 'strategy:mm', attempt: 1, delayMs: 12.7, error: 'Error: boom', ts: 100 });
    assert.deepEqual(store.restarts.list(), [{ actor: 'strategy:mm', attempt: 1, delayMs: 13, error: 'Error: boom', ts: 100 }]);
    assert.equal(store.restarts.count(101), 0);

    store.equity.record({ ts: 1, equity: 10_000 });
    store.equity.record({ ts: 3, equity: 10_012.5 });
    store.equity.record({ ts: 2, equity: 9_990 });
    assert.deepEqual(store.equity.first(), { ts: 1, equity: 10_000 });
    assert.deepEqual(store.equity.last(), { ts: 3, equity: 10_012.5 });
    assert.deepEqual(store.equity.series(2).map((p) => p.ts), [2, 3]);

    const position = { strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', amount: -0.002, avgPrice: 50_100, ts: 7 };
    store.positions.save(position);
    store.positions.save({ ...position, amount: 0.001, ts: 8 });
    assert.deepEqual(store.positions.get('mm', 'paper', 'BTC/USDT'), { ...position, amount: 0.001, ts: 8 });
    assert.equal(store.positions.all().length, 1);
    store.close();
  });
}
