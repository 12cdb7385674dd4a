import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { smaCrossMachine } from '../../../actors/strategies/sma-cross/sma-cross.machine.js';
import type { LongFlatEmitted as SmaCrossEmitted } from '../../../machines/long-flat.machine.js';
import type { Message } from '../../../actors/runtime/messages.js';
import type { Fill, OrderUpdate } from '../../../actors/ledger/types.js';

const input = { strategy: 'sma', venue: 'replay', symbol: 'X/Y', capital: 1000, feeRate: 0.001, fraction: 1, params: { fast: 1, slow: 2 } };
let seq = 0;
const meta = () => ({ id: `t${++seq}`, correlationId: 'c', ts: seq });
const candle = (close: number, symbol = 'X/Y'): Message => ({ type: 'candle.closed', venue: 'replay', symbol, candle: { ts: seq * 60_000, open: close, high: close, low: close, close, volume: 1 }, ...meta() });
const fillOf = (f: Partial<Fill>): Fill => ({ fillId: 'f', clientOrderId: 'o', intentId: 'i', strategy: 'sma', venue: 'replay', symbol: 'X/Y', side: 'buy', price: 10, amount: 1, fee: 0, liquidity: 'taker', ts: 0, ...f });
const orderOf = (status: OrderUpdate['status'], side: 'buy' | 'sell' = 'buy', strategy = 'sma'): OrderUpdate => ({ clientOrderId: 'o', intentId: 'i', strategy, venue: 'replay', symbol: 'X/Y', side, status, filled: 1, amount: 1 });
const report = (updates: OrderUpdate[], fills: Fill[]): Message => ({ type: 'orders.updated', updates, fills, ...meta() });
const fill = (f: Partial<Fill>): Message => report([], [fillOf(f)]);
const update = (status: OrderUpdate['status'], side: 'buy' | 'sell' = 'buy'): Message => report([orderOf(status, side)], []);

function start() {
  const actor = createActor(smaCrossMachine, { input });
  const emitted: SmaCrossEmitted[] = [];
  actor.on('order.intents', (e) => emitted.push(e));
  actor.start();
  return { actor, emitted };
}

test('enters on the up-cross with cash / (close × (1 + fee)), exits on the down-cross with the whole position', () => {
  const { actor, emitted } = start();
  for (const c of [2, 1]) actor.send(candle(c) as never); // fast 1 < slow 1.5
  assert.equal(emitted.length, 0);
  actor.send(candle(2) as never); // fast 2 > slow 1.5: up-cross
  assert.equal(actor.getSnapshot().value, 'entering');
  assert.equal(emitted.length, 1);
  const buy = emitted[0]!.intents[0]!;
  assert.equal(buy.side, 'buy');
  assert.equal(buy.kind, 'open');
  assert.equal(buy.intentId, 'sma-1');
  assert.ok(Math.abs(buy.amount - 1000 / (2 * 1.001)) < 1e-9);

  actor.send(fill({ side: 'buy', price: 2.1, amount: buy.amount, fee: 1 }) as never);
  actor.send(update('filled') as never);
  assert.equal(actor.getSnapshot().value, 'long');
  assert.ok(Math.abs(actor.getSnapshot().context.cash - (1000 - 2.1 * buy.amount - 1)) < 1e-9);

  actor.send(candle(3) as never); // still above
  assert.equal(emitted.length, 1);
  actor.send(candle(1) as never); // fast 1 < slow 2: down-cross
  assert.equal(actor.getSnapshot().value, 'exiting');
  const sell = emitted[1]!.intents[0]!;
  assert.equal(sell.side, 'sell');
  assert.equal(sell.kind, 'reduce');
  assert.equal(sell.amount, buy.amount);
  actor.send(fill({ side: 'sell', price: 1.1, amount: buy.amount }) as never);
  actor.send(update('filled', 'sell') as never);
  assert.equal(actor.getSnapshot().value, 'flat');
});

test('candles of another symbol are ignored', () => {
  const { actor, emitted } = start();
  for (const c of [2, 1, 2]) actor.send(candle(c, 'OTHER/Y') as never);
  assert.equal(emitted.length, 0);
  assert.equal(actor.getSnapshot().context.signal.seen, 0);
});

test('a denial returns the strategy to flat, and a cancelled order with no fill too', () => {
  const { actor, emitted } = start();
  for (const c of [2, 1, 2]) actor.send(candle(c) as never);
  actor.send({ type: 'orders.denied', denials: [{ intent: emitted[0]!.intents[0]!, reason: 'POSITION_LIMIT', detail: 'too big' }], ...meta() } as never);
  assert.equal(actor.getSnapshot().value, 'flat');
  for (const c of [1, 2]) actor.send(candle(c) as never);
  assert.equal(actor.getSnapshot().value, 'entering');
  actor.send(update('cancelled') as never);
  assert.equal(actor.getSnapshot().value, 'flat');
});

test('updates for another strategy do not move it', () => {
  const { actor } = start();
  for (const c of [2, 1, 2]) actor.send(candle(c) as never);
  actor.send(report([orderOf('filled', 'buy', 'other')], [fillOf({ strategy: 'other' })]) as never);
  assert.equal(actor.getSnapshot().context.position, 0);
  assert.equal(actor.getSnapshot().value, 'entering');
});

test('float residue after selling what was bought counts as flat, so no dust exit is ever sent', () => {
  const { actor, emitted } = start();
  for (const c of [2, 1, 2]) actor.send(candle(c) as never);
  actor.send(fill({ side: 'buy', amount: 0.1 }) as never);
  actor.send(fill({ side: 'buy', amount: 0.2 }) as never);
  actor.send(update('filled') as never);
  actor.send(candle(1) as never);
  assert.equal(actor.getSnapshot().value, 'exiting');
  assert.notEqual(0.1 + 0.2 - 0.3, 0);
  actor.send(fill({ side: 'sell', amount: 0.3 }) as never);
  assert.equal(actor.getSnapshot().context.position, 0);
  actor.send(update('filled', 'sell') as never);
  assert.equal(actor.getSnapshot().value, 'flat');
  assert.equal(emitted.length, 2);
});

test('a fill and its order\'s end in one report: the position after the fill decides where the strategy goes', () => {
  const { actor, emitted } = start();
  for (const c of [2, 1, 2]) actor.send(candle(c) as never);
  const buy = emitted[0]!.intents[0]!;
  assert.equal(emitted[0]!.intents.length, 1, 'an entry is a batch of one');
  actor.send(report([orderOf('filled')], [fillOf({ side: 'buy', price: 2.1, amount: buy.amount, fee: 1 })]) as never);
  assert.equal(actor.getSnapshot().value, 'long');
  assert.ok(Math.abs(actor.getSnapshot().context.cash - (1000 - 2.1 * buy.amount - 1)) < 1e-9);
  actor.send(candle(1) as never);
  actor.send(report([orderOf('filled', 'sell')], [fillOf({ side: 'sell', price: 1.1, amount: buy.amount })]) as never);
  assert.equal(actor.getSnapshot().value, 'flat');
  assert.equal(actor.getSnapshot().context.position, 0);
});
