import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import type { Message } from '../../actors/runtime/messages.js';
import { createPatternMachine, type PatternEmitted } from '../../actors/patterns/pattern.machine.js';
import { ToxicityMeter } from '../../actors/patterns/microstructure/toxicity-meter.js';

const MIN = 60_000;
let seq = 0;
const closed = (i: number, price: number, symbol = 'BTC/USDT', volume = 1): Message =>
  ({ type: 'candle.closed', venue: 'replay', symbol, candle: { ts: i * MIN, open: price, high: price, low: price, close: price, volume }, id: `m${++seq}`, correlationId: 'c', ts: (i + 1) * MIN }) as Message;

function start(vpin = { sigmaBars: 2, bucketsPerDay: 1440, window: 2 }) {
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
  assert.equal(emitted.filter((e) => e.type === 'market.toxicity').length, 0, 'no percentile before 50 VPINs');
  const abc = detected.find((e) => e.type === 'pattern.detected' && e.name === 'abc')!;
  emitted.length = 0;
  send(closed(6, 121));
  const broken = emitted.filter((e) => e.type === 'pattern.invalidated');
  assert.deepEqual(broken.map((e) => e.type === 'pattern.invalidated' && e.patternId), [abc.type === 'pattern.detected' && abc.patternId]);
  const ctx = actor.getSnapshot().context;
  assert.equal(ctx.seen, 7);
  assert.equal(ctx.detected >= 2 && ctx.invalidated, 1);
});

test('VPIN is published with its percentile among the earlier VPINs once 50 are known', () => {
  const { emitted, send } = start();
  const closes = Array.from({ length: 60 }, (_, i) => 100 + 3 * Math.sin(i * 1.7) + (i % 7));
  closes.forEach((p, i) => send(closed(i, p)));
  // Equal volumes in one-bar buckets (1,440 a day on one-minute bars), window 2: a bucket fills at every bar and a
  // VPIN comes after every bar from the fourth (bars 3–59: 57); the first 50 only build the history: bars 53–59 publish.
  const toxicity = emitted.filter((e) => e.type === 'market.toxicity');
  assert.equal(toxicity.length, 7);
  const meter = new ToxicityMeter({ sigmaBars: 2, bucketsPerDay: 1440, window: 2 });
  const expected = closes.flatMap((p, i) => {
    const r = meter.push({ ts: i * MIN, open: p, high: p, low: p, close: p, volume: 1 });
    return r?.percentile != null ? [{ type: 'market.toxicity', venue: 'replay', symbol: 'BTC/USDT', vpin: r.vpin, percentile: r.percentile }] : [];
  });
  assert.deepEqual(toxicity, expected);
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
