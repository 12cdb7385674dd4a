import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { marketMakerMachine } from '../../../actors/strategies/market-making/market-maker.machine.js';
import type { Message } from '../../../actors/runtime/messages.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';

const input = {
  strategy: 'mm',
  session: 's1',
  venue: 'paper',
  symbol: 'BTC/USDT',
  window: 5,
  params: { baseSpread: 0.002, referenceVolatility: 0.001, inventoryLimit: 1, skew: 0.5, orderAmount: 0.1 },
};
let seq = 0;
const meta = () => ({ id: `t${++seq}`, correlationId: 'c', ts: 0 });
const candle = (close: number): Message => ({ type: 'candle.closed', venue: 'paper', symbol: 'BTC/USDT', candle: { ts: 0, open: close, high: close, low: close, close, volume: 1 }, ...meta() });

function start() {
  const actor = createActor(marketMakerMachine, { input });
  const intents: OrderIntent[] = [];
  const batches: number[] = [];
  actor.on('order.intents', (e) => {
    const batch = (e as { intents: readonly OrderIntent[] }).intents;
    batches.push(batch.length);
    intents.push(...batch);
  });
  actor.start();
  return { actor, intents, batches };
}

test('warms up on history, then quotes both sides every bar, one order.intents batch per bar, with deterministic intent ids', () => {
  const { actor, intents, batches } = start();
  actor.send(candle(100));
  actor.send(candle(100.1));
  assert.equal(actor.getSnapshot().value, 'warmingUp');
  assert.equal(intents.length, 0);
  actor.send(candle(100));
  assert.equal(actor.getSnapshot().value, 'quoting');
  actor.send(candle(100.05));
  assert.deepEqual(intents.map((i) => [i.intentId, i.side, i.kind]), [['mm-s1-1', 'buy', 'open'], ['mm-s1-2', 'sell', 'open']]);
  assert.deepEqual(batches, [2], 'the quote set is one decision');
});

test('resting quotes are cancelled before requoting; fills move inventory; HALTED pauses, ACTIVE resumes', () => {
  const { actor, intents, batches } = start();
  for (const c of [100, 100.1, 100, 100.05]) actor.send(candle(c));
  actor.send({ type: 'orders.updated', updates: [{ clientOrderId: 'mm-1-0', intentId: 'mm-1', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', status: 'submitted', filled: 0, amount: 0.1 }], fills: [], ...meta() });
  actor.send({ type: 'orders.updated', updates: [], fills: [{ fillId: 'f1', clientOrderId: 'mm-2-0', intentId: 'mm-2', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'sell', price: 100, amount: 0.1, fee: 0, liquidity: 'maker', ts: 0 }], ...meta() });
  assert.equal(actor.getSnapshot().context.inventory, -0.1);
  actor.send(candle(100));
  const last = intents.slice(2);
  assert.deepEqual(last[0], { ...last[0], kind: 'cancel', cancelClientOrderId: 'mm-1-0' });
  assert.deepEqual(batches, [2, 3], 'the cancel and both new quotes in one batch');
  assert.equal(last.find((i) => i.side === 'buy' && i.kind !== 'cancel')?.kind, 'open', 'quotes are open while risk is ACTIVE');
  actor.send({ type: 'risk.changed', state: 'REDUCING', reason: 'test', ...meta() });
  const before = intents.length;
  actor.send(candle(100));
  assert.deepEqual(intents.slice(before).filter((i) => i.kind !== 'cancel'), [], 'REDUCING: no requote while the old buy quote is still resting');
  actor.send({ type: 'orders.updated', updates: [{ clientOrderId: 'mm-1-0', intentId: 'mm-1', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', status: 'cancelled', filled: 0, amount: 0.1 }], fills: [], ...meta() });
  actor.send(candle(100));
  const reducing = intents.filter((i) => i.kind !== 'cancel').slice(-1);
  assert.deepEqual(reducing.map((i) => [i.side, i.kind]), [['buy', 'reduce']], 'then only the side that buys back the short, reduce-only');
  actor.send({ type: 'risk.changed', state: 'HALTED', reason: 'test', ...meta() });
  assert.equal(actor.getSnapshot().value, 'paused');
  const beforeHalt = intents.length;
  actor.send(candle(101));
  assert.equal(intents.length, beforeHalt, 'no quotes while HALTED');
  actor.send({ type: 'risk.changed', state: 'ACTIVE', reason: 'rearmed', ...meta() });
  assert.equal(actor.getSnapshot().value, 'quoting');
});

test('candles of another market are ignored', () => {
  const { actor } = start();
  actor.send({ ...candle(5), symbol: 'ETH/USDT' } as Message);
  assert.equal(actor.getSnapshot().context.closes.length, 0);
});
