import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../../actors/ledger/storage/store.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import type { Fill } from '../../../actors/ledger/types.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { tempDbFile } from './temp-db.js';

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

test('intents and orders round-trip; the order takes its price from the intent', () => {
  const store = openStore(tempDbFile());
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

test('non-terminal orders are the ones to reconcile; a terminal status is final and filled never shrinks', () => {
  const store = openStore(tempDbFile());
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

test('a fill recorded twice is stored once', () => {
  const store = openStore(tempDbFile());
  assert.equal(store.orders.recordFill(fill), true);
  assert.equal(store.orders.recordFill({ ...fill }), false);
  assert.equal(store.orders.recordFill({ ...fill, fillId: 'f-2', amount: 0.0006, ts: 1_001 }), true);
  assert.deepEqual(store.orders.fills('mm-1-0'), [fill, { ...fill, fillId: 'f-2', amount: 0.0006, ts: 1_001 }]);
  assert.equal(store.orders.fillCount(), 2);
  store.close();
});

test('vetoes keep reason, detail and the intent', () => {
  const store = openStore(tempDbFile());
  store.vetoes.record({ intent, reason: 'MAX_NOTIONAL', detail: 'notional=60000 > max=10000', ts: 10 });
  store.vetoes.record({ intent: { ...intent, intentId: 'mm-2' }, reason: 'STALE_MARKET_DATA', detail: 'book age 7000ms > 5000ms', ts: 20 });
  store.vetoes.record({ intent: { ...intent, intentId: 'mm-3' }, reason: 'MAX_NOTIONAL', detail: 'x', ts: 30 });
  assert.deepEqual(store.vetoes.list()[0], { intent, reason: 'MAX_NOTIONAL', detail: 'notional=60000 > max=10000', ts: 10 });
  assert.equal(store.vetoes.count(), 3);
  assert.equal(store.vetoes.count(20), 2);
  assert.deepEqual(store.vetoes.countByReason(), { MAX_NOTIONAL: 2, STALE_MARKET_DATA: 1 });
  store.close();
});

test('dead letters keep the message (with bigints), the reason and the error', () => {
  const store = openStore(tempDbFile());
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

test('snapshots load what was saved last, bigints included', () => {
  const store = openStore(tempDbFile());
  assert.equal(store.snapshots.load('risk'), undefined);
  store.snapshots.save('risk', { value: 'ACTIVE', context: { dailyLoss: 0 } });
  store.snapshots.save('risk', { value: 'HALTED', context: { dailyLoss: 600, wei: 10n ** 18n } });
  assert.deepEqual(store.snapshots.load('risk'), { value: 'HALTED', context: { dailyLoss: 600, wei: 10n ** 18n } });
  store.snapshots.delete('risk');
  assert.equal(store.snapshots.load('risk'), undefined);
  store.close();
});

test('restarts, equity and positions round-trip', () => {
  const store = openStore(tempDbFile());
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
