import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import type { Message } from '../../actors/runtime/messages.js';
import { createPatternMachine, type PatternEmitted } from '../../actors/patterns/pattern.machine.js';

const MIN = 60_000;
let seq = 0;
const closed = (i: number, price: number, symbol = 'BTC/USDT', volume = 1): Message =>
  ({ type: 'candle.closed', venue: 'replay', symbol, candle: { ts: i * MIN, open: price, high: price, low: price, close: price, volume }, id: `m${++seq}`, correlationId: 'c', ts: (i + 1) * MIN }) as Message;

function start(vpin = { sigmaBars: 2, barsPerBucket: 1, window: 2 }) {
  const actor = createActor(createPatternMachine(), { input: { symbol: 'BTC/USDT', venue: 'replay', toxicity: vpin } });
  const emitted: PatternEmitted[] = [];
  actor.on('*', (e) => emitted.push(e as PatternEmitted));
  actor.start();
  return { actor, emitted, send: (...ms: Message[]) => ms.forEach((m) => actor.send(m as never)) };
}

test("the pattern actor's machine announces what its market's bars complete and break, and VPIN as buckets fill", () => {
  const { actor, emitted, send } = start();
  [100, 200, 138.2, 169.1, 121.4, 125].forEach((p, i) => send(closed(i, p)));
  const detected = emitted.filter((e) => e.type === 'pattern.detected');
  assert.deepEqual(detected.map((e) => e.type === 'pattern.detected' && `${e.family}:${e.name}:${e.direction}`).sort(), ['elliott:abc:bullish', 'harmonic:gartley:bullish']);
  assert.ok(detected.every((e) => e.type === 'pattern.detected' && e.symbol === 'BTC/USDT' && e.points.length >= 4));
  // One-bar buckets: every bar from the third on fills one, VPIN is known from the fourth (two buckets).
  assert.equal(emitted.filter((e) => e.type === 'market.toxicity').length, 3);
  const abc = detected.find((e) => e.type === 'pattern.detected' && e.name === 'abc')!;
  emitted.length = 0;
  send(closed(6, 121));
  const broken = emitted.filter((e) => e.type === 'pattern.invalidated');
  assert.deepEqual(broken.map((e) => e.type === 'pattern.invalidated' && e.patternId), [abc.type === 'pattern.detected' && abc.patternId]);
  const ctx = actor.getSnapshot().context;
  assert.equal(ctx.seen, 7);
  assert.equal(ctx.detected >= 2 && ctx.invalidated, 1);
});

test("another market's bars, and a bar it has already seen, change nothing", () => {
  const { actor, emitted, send } = start();
  [100, 200, 138.2].forEach((p, i) => send(closed(i, p)));
  const before = actor.getSnapshot().context;
  const count = emitted.length;
  send(closed(2, 50), closed(1, 300), closed(3, 10, 'ETH/USDT'));
  assert.equal(actor.getSnapshot().context, before);
  assert.equal(emitted.length, count);
});

test('a whole step of bars (candles.closed) is read for its own symbol', () => {
  const { actor, send } = start();
  send({ type: 'candles.closed', venue: 'replay', bars: [{ symbol: 'ETH/USDT', candle: { ts: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 } }, { symbol: 'BTC/USDT', candle: { ts: 0, open: 5, high: 5, low: 5, close: 5, volume: 1 } }], id: 'x', correlationId: 'c', ts: MIN } as Message);
  assert.equal(actor.getSnapshot().context.seen, 1);
  assert.equal(actor.getSnapshot().context.lastTs, 0);
});
