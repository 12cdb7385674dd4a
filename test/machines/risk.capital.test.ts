import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OrderIntent } from '../../actors/risk/intent.js';
import { book, fill, msg, startRisk } from './risk-helpers.js';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const intent = (over: Partial<OrderIntent> = {}): OrderIntent => ({
  intentId: 'mm-1', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', kind: 'open', type: 'limit', amount: 0.1, price: 5_000, ...over,
});

test('risk.capital moves capital, equity, day-start equity and peak by the same amount and announces the change', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0, limits: { maxPositionFraction: 1 } });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('orders.updated', { updates: [], fills: [fill({ amount: 1, price: 5_000, ts: T0 + 1 })] }, T0 + 1));
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_100, T0 + 2) }, T0 + 2));
  const before = actor.getSnapshot().context.book;
  assert.equal(before.equity, 10_100);
  take();
  actor.send(msg('risk.capital', { capital: 12_000, reason: 'reallocation r1' }, T0 + 3));
  assert.deepEqual(take(), [{ type: 'risk.capitalChanged', capital: 12_000, previous: 10_000, reason: 'reallocation r1' }]);
  const after = actor.getSnapshot().context.book;
  assert.equal(after.capital, 12_000);
  assert.equal(after.equity, 12_100, 'the 100 of unrealised P&L stays');
  assert.equal(after.dayStartEquity - after.equity, before.dayStartEquity - before.equity, 'no daily P&L appears');
  assert.equal(after.peakEquity - after.equity, before.peakEquity - before.equity, 'no drawdown appears');
  assert.equal(after.now, T0 + 3);
  assert.equal(actor.getSnapshot().value, 'ACTIVE');
});

test('a shrunk capital shrinks the position limit at once', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0 });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  // maxPositionFraction 0.1: 0.15 BTC = 750 fits 1,000 of 10,000 but not 500 of 5,000.
  actor.send(msg('risk.capital', { capital: 5_000, reason: 'shrink' }, T0 + 1));
  actor.send(msg('order.intents', { intents: [intent({ amount: 0.15 })] }, T0 + 2));
  const [, denied] = take();
  assert.equal(denied?.type === 'denied' && denied.reason, 'POSITION_LIMIT');
  actor.send(msg('risk.capital', { capital: 10_000, reason: 'grow' }, T0 + 3));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'mm-2', amount: 0.15 })] }, T0 + 4));
  assert.deepEqual(take().map((e) => e.type), ['risk.capitalChanged', 'approved']);
});

test('the same loss weighs more on a smaller capital: a shrink can move risk to REDUCING', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0, limits: { maxPositionFraction: 1 } });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('orders.updated', { updates: [], fills: [fill({ amount: 1, price: 5_000, ts: T0 + 1 })] }, T0 + 1));
  actor.send(msg('book.updated', { book: book('BTC/USDT', 4_800, T0 + 2) }, T0 + 2));
  assert.equal(actor.getSnapshot().value, 'ACTIVE', '200 is 2% of 10,000: under the 3% reduce threshold');
  take();
  actor.send(msg('risk.capital', { capital: 5_000, reason: 'shrink' }, T0 + 3));
  assert.equal(actor.getSnapshot().value, 'REDUCING', '200 is 4% of 5,000');
  assert.deepEqual(take().map((e) => e.type === 'risk.changed' ? e.state : e.type), ['risk.capitalChanged', 'REDUCING']);
});

test('a capital that is not a finite, non-negative number changes nothing and is not announced', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0 });
  for (const capital of [-1, NaN, Infinity]) actor.send(msg('risk.capital', { capital, reason: 'bad' }, T0 + 1));
  assert.deepEqual(take(), []);
  assert.equal(actor.getSnapshot().context.book.capital, 10_000);
});
