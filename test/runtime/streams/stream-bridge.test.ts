import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorSystem } from '../../../actors/runtime/system.js';
import { SystemClock } from '../../../actors/runtime/clock.js';
import { IdSource, type Message } from '../../../actors/runtime/messages.js';
import type { OrderBook } from '../../../actors/market-data/types.js';
import { streamOut } from '../../../actors/runtime/streams/stream-out.js';
import { streamIn } from '../../../actors/runtime/streams/stream-in.js';
import { counterMachine, totalOf } from '../../support/counter-machine.js';
import { until } from '../../support/until.js';
import { Connections, uniquePrefix } from './redis.js';

const node = (prefix: string) => new ActorSystem({ clock: new SystemClock(), ids: new IdSource(prefix) });
const book: OrderBook = { venue: 'binance', symbol: 'BTC/USDT', ts: 1_700_000_000_000, bids: [[64_000.5, 1.25], [64_000, 3]], asks: [[64_001, 0.5]] };
const candle = { ts: 1_700_000_000_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 };

test('market messages published on one node reach the other node\'s bus and actors as the same typed messages', async () => {
  const c = new Connections(uniquePrefix('bridge'));
  const stream = `${c.prefix}market`;
  const a = node('a');
  const b = node('b');
  const seen: Message[] = [];
  b.observe((m) => seen.push(m));
  const counter = b.spawn({ name: 'counter', machine: counterMachine, subscribe: ['test.count'] });
  const out = streamOut(a, { redis: c.open(), stream, node: 'a', types: ['candle.closed', 'candles.closed', 'book.updated', 'test.count'] });
  const inB = await streamIn(b, { redis: c.open(), stream, group: 'node-b', consumer: 'b' });
  try {
    a.publish({ type: 'candle.closed', venue: 'binance', symbol: 'BTC/USDT', candle }, 'corr-1');
    a.publish({ type: 'candles.closed', venue: 'binance', bars: [{ symbol: 'BTC/USDT', candle }, { symbol: 'ETH/USDT', candle }] });
    a.publish({ type: 'book.updated', book });
    a.publish({ type: 'risk.halt', reason: 'not a forwarded type' });
    for (let n = 1; n <= 10; n++) a.publish({ type: 'test.count', n });
    await until('13 bridged messages', () => seen.filter((m) => m.type !== 'test.counted' && m.type !== 'test.effect').length === 13);
    await b.whenQuiescent();
    const [closed, many, updated] = seen;
    assert.deepEqual({ ...closed, id: undefined, ts: undefined }, { type: 'candle.closed', venue: 'binance', symbol: 'BTC/USDT', candle, correlationId: 'corr-1', id: undefined, ts: undefined });
    assert.equal(many!.type, 'candles.closed');
    assert.deepEqual((many as Message<'candles.closed'>).bars.map((x) => x.symbol), ['BTC/USDT', 'ETH/USDT']);
    assert.deepEqual((updated as Message<'book.updated'>).book, book);
    assert.ok(closed!.id.startsWith('b'), 'the receiving bus stamps its own id');
    assert.ok(!seen.some((m) => m.type === 'risk.halt'));
    assert.equal(totalOf(counter.snapshot()), 55, 'an actor on node b summed the counts sent on node a');
    assert.equal(out.forwarded, 13);
  } finally {
    out.stop();
    await inB.stop();
    await a.shutdown();
    await b.shutdown();
    await c.close();
  }
});

test('two nodes bridged both ways on one stream: each sees the other\'s messages once, never its own, nothing echoes', async () => {
  const c = new Connections(uniquePrefix('both-ways'));
  const stream = `${c.prefix}market`;
  const a = node('a');
  const b = node('b');
  const onA: Message[] = [];
  const onB: Message[] = [];
  a.observe((m) => onA.push(m));
  b.observe((m) => onB.push(m));
  const types = ['book.updated'] as const;
  const outs = [streamOut(a, { redis: c.open(), stream, node: 'a', types }), streamOut(b, { redis: c.open(), stream, node: 'b', types })];
  const ins = [
    await streamIn(a, { redis: c.open(), stream, group: 'node-a', consumer: 'a', node: 'a' }),
    await streamIn(b, { redis: c.open(), stream, group: 'node-b', consumer: 'b', node: 'b' }),
  ];
  try {
    a.publish({ type: 'book.updated', book: { ...book, venue: 'from-a' } });
    b.publish({ type: 'book.updated', book: { ...book, venue: 'from-b' } });
    await until('each saw the other', () => onA.length === 2 && onB.length === 2);
    await new Promise((r) => setTimeout(r, 100));
    const venues = (ms: Message[]) => ms.map((m) => (m as Message<'book.updated'>).book.venue).sort();
    assert.deepEqual(venues(onA), ['from-a', 'from-b']);
    assert.deepEqual(venues(onB), ['from-a', 'from-b']);
    assert.equal(await c.open().xlen(stream), 2, 'no echo was added to the stream');
  } finally {
    for (const o of outs) o.stop();
    for (const i of ins) await i.stop();
    await a.shutdown();
    await b.shutdown();
    await c.close();
  }
});

/** Two books, the group rewound to 0 (every entry is delivered again, as after a lost XACK), a third book: what node b's bus saw. */
async function rewound(dedupeWindow?: number): Promise<number[]> {
  const c = new Connections(uniquePrefix('dedupe'));
  const stream = `${c.prefix}market`;
  const redis = c.open();
  const a = node('a');
  const b = node('b');
  const onB: Message[] = [];
  b.observe((m) => onB.push(m));
  const out = streamOut(a, { redis, stream, node: 'a', types: ['book.updated'] });
  const inB = await streamIn(b, { redis: c.open(), stream, group: 'node-b', consumer: 'b', blockMs: 50, dedupeWindow });
  try {
    a.publish({ type: 'book.updated', book: { ...book, ts: 1 } });
    a.publish({ type: 'book.updated', book: { ...book, ts: 2 } });
    await until('two books', () => onB.length === 2);
    await redis.xgroup('SETID', stream, 'node-b', '0');
    a.publish({ type: 'book.updated', book: { ...book, ts: 3 } });
    await until('the third book', () => onB.some((m) => (m as Message<'book.updated'>).book.ts === 3));
    await new Promise((r) => setTimeout(r, 150));
    return onB.map((m) => (m as Message<'book.updated'>).book.ts);
  } finally {
    out.stop();
    await inB.stop();
    await a.shutdown();
    await b.shutdown();
    await c.close();
  }
}

test('entries delivered again (the group rewound, as after a lost XACK) are published once per process', async () => {
  assert.deepEqual(await rewound(), [1, 2, 3]);
  assert.deepEqual(await rewound(0), [1, 2, 1, 2, 3], 'without the dedupe window the same rewind publishes them twice');
});
