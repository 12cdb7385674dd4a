import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { createLongFlatMachine, type LongFlatEmitted, type LongFlatInput } from '../../machines/long-flat.machine.js';
import type { LongFlatSignal } from '../../machines/long-flat.signal.js';
import type { Message } from '../../actors/runtime/messages.js';
import type { Fill, OrderUpdate } from '../../actors/ledger/types.js';

/** A threshold signal: long above `enter`, flat below `exit`, no opinion between; its state counts the closes it saw. */
type Thresholds = { enter: number; exit: number };
const thresholds: LongFlatSignal<{ bars: number; last: number | null }, Thresholds> = {
  initial: { bars: 0, last: null },
  step: (state, close, p) => ({ state: { bars: state.bars + 1, last: close }, want: close > p.enter ? 'long' : close < p.exit ? 'flat' : undefined }),
};
const machine = createLongFlatMachine('thresholds', thresholds);
const input: LongFlatInput<Thresholds> = { strategy: 'th', venue: 'replay', symbol: 'X/Y', capital: 1000, feeRate: 0.001, fraction: 0.5, params: { enter: 10, exit: 5 } };

let seq = 0;
const meta = () => ({ id: `t${++seq}`, correlationId: 'c', ts: seq });
const bar = (close: number) => ({ ts: seq * 60_000, open: close, high: close, low: close, close, volume: 1 });
const candle = (close: number, symbol = 'X/Y'): Message => ({ type: 'candle.closed', venue: 'replay', symbol, candle: bar(close), ...meta() });
const step = (bars: Array<[string, number]>): Message => ({ type: 'candles.closed', venue: 'replay', bars: bars.map(([symbol, close]) => ({ symbol, candle: bar(close) })), ...meta() });
const fillOf = (f: Partial<Fill>): Fill => ({ fillId: 'f', clientOrderId: 'o', intentId: 'i', strategy: 'th', venue: 'replay', symbol: 'X/Y', side: 'buy', price: 10, amount: 1, fee: 0, liquidity: 'taker', ts: 0, ...f });
const orderOf = (status: OrderUpdate['status'], side: 'buy' | 'sell', strategy = 'th'): OrderUpdate => ({ clientOrderId: 'o', intentId: 'i', strategy, venue: 'replay', symbol: 'X/Y', side, status, filled: 1, amount: 1 });
const report = (updates: OrderUpdate[], fills: Fill[]): Message => ({ type: 'orders.updated', updates, fills, ...meta() });
const denied = (e: LongFlatEmitted, strategy = 'th'): Message => ({ type: 'orders.denied', denials: [{ intent: { ...e.intents[0]!, strategy }, reason: 'POSITION_LIMIT', detail: 'too big' }], ...meta() });

function start(snapshot?: unknown) {
  const actor = createActor(machine, { input, snapshot: snapshot as never });
  const emitted: LongFlatEmitted[] = [];
  actor.on('order.intents', (e) => emitted.push(e));
  actor.start();
  const send = (...ms: Message[]) => ms.forEach((m) => actor.send(m as never));
  return { actor, emitted, send, value: () => actor.getSnapshot().value, context: () => actor.getSnapshot().context };
}

test('enters when the signal wants long, sized fraction × cash / (close × (1 + fee)); fills move cash and position; exits with the whole position', () => {
  const s = start();
  s.send(candle(7), candle(4));
  assert.equal(s.value(), 'flat', 'flat wanted while flat: nothing to do');
  assert.equal(s.emitted.length, 0);
  s.send(candle(12));
  assert.equal(s.value(), 'entering');
  const buy = s.emitted[0]!.intents[0]!;
  assert.deepEqual({ ...buy, amount: 0 }, { intentId: 'th-1', strategy: 'th', venue: 'replay', symbol: 'X/Y', side: 'buy', kind: 'open', type: 'market', amount: 0, price: 12 });
  assert.ok(Math.abs(buy.amount - (1000 * 0.5) / (12 * 1.001)) < 1e-12);

  s.send(report([], [fillOf({ side: 'buy', price: 12.5, amount: buy.amount / 2, fee: 0.1 })]));
  assert.equal(s.value(), 'entering', 'a partial fill keeps the order working');
  s.send(report([orderOf('filled', 'buy')], [fillOf({ side: 'buy', price: 12.5, amount: buy.amount / 2, fee: 0.1 })]));
  assert.equal(s.value(), 'long');
  assert.ok(Math.abs(s.context().position - buy.amount) < 1e-12);
  assert.ok(Math.abs(s.context().cash - (1000 - 12.5 * buy.amount - 0.2)) < 1e-9);

  s.send(candle(20), candle(7));
  assert.equal(s.emitted.length, 1, 'long wanted while long, then no opinion: hold');
  s.send(candle(3));
  assert.equal(s.value(), 'exiting');
  const sell = s.emitted[1]!.intents[0]!;
  assert.equal(sell.intentId, 'th-2');
  assert.equal(sell.side, 'sell');
  assert.equal(sell.kind, 'reduce');
  assert.equal(sell.amount, s.context().position);
  s.send(report([orderOf('filled', 'sell')], [fillOf({ side: 'sell', price: 3.2, amount: sell.amount, fee: 0.05 })]));
  assert.equal(s.value(), 'flat');
  assert.equal(s.context().position, 0);
  assert.ok(Math.abs(s.context().cash - (1000 - 12.5 * buy.amount - 0.2 + 3.2 * sell.amount - 0.05)) < 1e-9);
});

test('a denial returns the machine to the state its order came from; another strategy\'s denial does not', () => {
  const s = start();
  s.send(candle(12));
  s.send(denied(s.emitted[0]!, 'other'));
  assert.equal(s.value(), 'entering');
  s.send(denied(s.emitted[0]!));
  assert.equal(s.value(), 'flat');
  s.send(candle(11));
  assert.equal(s.value(), 'entering', 'it asks again on the next bar that wants long');
  assert.equal(s.emitted[1]!.intents[0]!.intentId, 'th-2');
  s.send(report([orderOf('filled', 'buy')], [fillOf({ side: 'buy', amount: 2 })]));
  s.send(candle(1));
  assert.equal(s.value(), 'exiting');
  s.send(denied(s.emitted[2]!));
  assert.equal(s.value(), 'long');
  assert.equal(s.context().position, 2);
});

test('an order done without a fill returns to flat; a cancelled exit with part sold stays long with the rest', () => {
  const s = start();
  s.send(candle(12), report([orderOf('cancelled', 'buy')], []));
  assert.equal(s.value(), 'flat');
  s.send(candle(12), report([orderOf('filled', 'buy')], [fillOf({ side: 'buy', amount: 3 })]), candle(1));
  s.send(report([orderOf('cancelled', 'sell')], [fillOf({ side: 'sell', amount: 1 })]));
  assert.equal(s.value(), 'long');
  assert.equal(s.context().position, 2);
});

test('the signal steps on every own close, in every state, and on a replay step\'s bars; other symbols and strategies are ignored', () => {
  const s = start();
  s.send(candle(12, 'OTHER/Y'), step([['OTHER/Y', 20]]));
  assert.deepEqual(s.context().signal, { bars: 0, last: null });
  assert.equal(s.value(), 'flat');
  s.send(step([['OTHER/Y', 1], ['X/Y', 12]]));
  assert.equal(s.value(), 'entering');
  assert.equal(s.emitted[0]!.intents[0]!.price, 12);
  s.send(candle(8), report([orderOf('filled', 'buy', 'other')], [fillOf({ strategy: 'other' })]));
  assert.equal(s.value(), 'entering');
  assert.equal(s.context().position, 0);
  assert.deepEqual(s.context().signal, { bars: 2, last: 8 });
});

test('the persisted snapshot is plain JSON and a machine restored from it carries on as the original', () => {
  const a = start();
  a.send(candle(7), candle(12), report([orderOf('filled', 'buy')], [fillOf({ side: 'buy', price: 12.1, amount: 40, fee: 0.5 })]), candle(8));
  assert.equal(a.value(), 'long');
  const persisted = a.actor.getPersistedSnapshot() as unknown as { value: unknown; context: unknown };
  const json = JSON.parse(JSON.stringify(persisted)) as typeof persisted;
  assert.deepEqual(json.context, persisted.context, 'the context loses nothing through JSON');
  assert.equal(json.value, 'long');

  const b = start(json);
  assert.equal(b.value(), 'long');
  assert.deepEqual(b.context(), a.context());
  assert.deepEqual(b.context().signal, { bars: 3, last: 8 });
  const after = [candle(6), candle(2), report([orderOf('filled', 'sell')], [fillOf({ side: 'sell', price: 2.1, amount: 40 })]), candle(15)];
  a.send(...after);
  b.send(...after);
  assert.equal(b.value(), 'entering');
  assert.deepEqual(b.emitted, a.emitted.slice(1), 'the restored machine sends what the original sends, with the same intent ids');
  assert.deepEqual(b.context(), a.context());
});
