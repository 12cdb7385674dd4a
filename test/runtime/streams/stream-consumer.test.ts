import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { StreamPublisher } from '../../../actors/runtime/streams/stream-publisher.js';
import { StreamConsumer, type ConsumerState, type StreamEntry } from '../../../actors/runtime/streams/stream-consumer.js';
import { until } from '../../support/until.js';
import { closedPort } from '../../support/ports.js';
import { Connections, OwnRedis, uniquePrefix } from './redis.js';

const pendingCount = async (redis: Redis, stream: string, group: string) => Number(((await redis.xpending(stream, group)) as unknown[])[0]);

test('entries are delivered in order with their bodies (bigint included) and acknowledged after the handler', async () => {
  const c = new Connections(uniquePrefix('deliver'));
  const stream = `${c.prefix}s`;
  const redis = c.open();
  const got: StreamEntry[] = [];
  const consumer = new StreamConsumer(redis, { stream, group: 'g', consumer: 'a', handler: (e) => void got.push(e) });
  try {
    await consumer.start();
    assert.equal(consumer.state, 'connected');
    const publisher = new StreamPublisher(redis, { stream });
    const ids = await Promise.all([1, 2, 3].map((n) => publisher.publish({ n, big: 10n ** 20n + BigInt(n), nested: { a: [n] } })));
    await until('three entries handled', () => got.length === 3);
    assert.deepEqual(got.map((e) => e.id), ids);
    assert.deepEqual(got.map((e) => e.body), [1, 2, 3].map((n) => ({ n, big: 10n ** 20n + BigInt(n), nested: { a: [n] } })));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(await pendingCount(redis, stream, 'g'), 0);
  } finally {
    await consumer.stop();
    await c.close();
  }
});

test('a packing publisher puts one turn\'s messages in one entry; the consumer hands each over as <entry id>/<index>', async () => {
  const c = new Connections(uniquePrefix('pack'));
  const stream = `${c.prefix}s`;
  const redis = c.open();
  const got: StreamEntry[] = [];
  const consumer = new StreamConsumer(redis, { stream, group: 'g', consumer: 'a', handler: (e) => void got.push(e) });
  try {
    await consumer.start();
    const publisher = new StreamPublisher(redis, { stream, pack: true });
    const ids = await Promise.all([1, 2, 3].map((n) => publisher.publish({ n })));
    const lone = await publisher.publish({ n: 4 });
    assert.equal(await redis.xlen(stream), 2, 'one entry for the three, one for the fourth');
    assert.match(ids[0]!, /^\d+-\d+\/0$/);
    await until('four messages handled', () => got.length === 4);
    assert.deepEqual(got.map((e) => e.id), [...ids, lone]);
    assert.deepEqual(got.map((e) => e.body), [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(await pendingCount(redis, stream, 'g'), 0);
  } finally {
    await consumer.stop();
    await c.close();
  }
});

test('a handler that throws leaves its entry pending; it is claimed again and acknowledged once it succeeds', async () => {
  const c = new Connections(uniquePrefix('retry'));
  const stream = `${c.prefix}s`;
  const redis = c.open();
  let calls = 0;
  const consumer = new StreamConsumer(redis, {
    stream, group: 'g', consumer: 'a', claimIdleMs: 100, claimEveryMs: 50,
    handler: () => {
      calls += 1;
      if (calls === 1) throw new Error('first try fails');
    },
  });
  try {
    await consumer.start();
    await new StreamPublisher(redis, { stream }).publish({ x: 1 });
    await until('handled twice', () => calls === 2, 5_000);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(await pendingCount(redis, stream, 'g'), 0);
  } finally {
    await consumer.stop();
    await c.close();
  }
});

test('two consumers of one group share the entries: each entry goes to exactly one of them', async () => {
  const c = new Connections(uniquePrefix('share'));
  const stream = `${c.prefix}s`;
  const redis = c.open();
  const seen: Record<string, number[]> = { a: [], b: [] };
  const make = (name: 'a' | 'b') =>
    new StreamConsumer(redis, {
      stream, group: 'g', consumer: name, count: 5,
      handler: async (e) => {
        seen[name]!.push((e.body as { n: number }).n);
        await new Promise((r) => setTimeout(r, 2));
      },
    });
  const a = make('a');
  const b = make('b');
  try {
    await Promise.all([a.start(), b.start()]);
    const publisher = new StreamPublisher(redis, { stream });
    for (let n = 0; n < 200; n++) {
      void publisher.publish({ n });
      if (n % 20 === 19) await new Promise((r) => setTimeout(r, 5));
    }
    await until('200 handled', () => seen.a!.length + seen.b!.length === 200);
    assert.ok(seen.a!.length > 0 && seen.b!.length > 0, `both consumers took some: a=${seen.a!.length} b=${seen.b!.length}`);
    assert.deepEqual([...seen.a!, ...seen.b!].sort((x, y) => x - y), Array.from({ length: 200 }, (_, i) => i));
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await c.close();
  }
});

test('entries a dead consumer read and never acknowledged are taken over (XAUTOCLAIM) once idle past claimIdleMs', async () => {
  const c = new Connections(uniquePrefix('claim'));
  const stream = `${c.prefix}s`;
  const redis = c.open();
  await redis.xgroup('CREATE', stream, 'g', '$', 'MKSTREAM');
  const publisher = new StreamPublisher(redis, { stream });
  await Promise.all([1, 2, 3, 4].map((n) => publisher.publish({ n })));
  // The dead node: it read the four entries on its own connection, then vanished without acknowledging them.
  const dead = c.open({ protocol: 2 });
  const read = (await dead.call('XREADGROUP', ['GROUP', 'g', 'dead-node', 'COUNT', 10, 'STREAMS', stream, '>'])) as [string, unknown[]][];
  assert.equal(read[0]![1].length, 4);
  dead.disconnect();
  assert.equal(await pendingCount(redis, stream, 'g'), 4);

  const got: number[] = [];
  const survivor = new StreamConsumer(redis, { stream, group: 'g', consumer: 'survivor', claimIdleMs: 150, claimEveryMs: 50, handler: (e) => void got.push((e.body as { n: number }).n) });
  try {
    await survivor.start();
    await until('the dead node\'s four entries handled', () => got.length === 4, 5_000);
    assert.deepEqual(got.sort(), [1, 2, 3, 4]);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(await pendingCount(redis, stream, 'g'), 0);
  } finally {
    await survivor.stop();
    await c.close();
  }
});

test('MAXLEN ~ bounds the stream: 5,000 entries through a publisher of maxLen 100 leave about 100', async () => {
  const c = new Connections(uniquePrefix('maxlen'));
  const stream = `${c.prefix}s`;
  const redis = c.open();
  try {
    const publisher = new StreamPublisher(redis, { stream, maxLen: 100 });
    for (let batch = 0; batch < 10; batch++) await Promise.all(Array.from({ length: 500 }, (_, i) => publisher.publish({ i })));
    const len = await redis.xlen(stream);
    assert.ok(len >= 100 && len <= 300, `XLEN ${len}`);
  } finally {
    await c.close();
  }
});

test('the stream and its group deleted (NOGROUP): the consumer creates the group again and reads what comes next', async () => {
  const c = new Connections(uniquePrefix('nogroup'));
  const stream = `${c.prefix}s`;
  const redis = c.open();
  const got: number[] = [];
  const consumer = new StreamConsumer(redis, { stream, group: 'g', consumer: 'a', blockMs: 100, handler: (e) => void got.push((e.body as { n: number }).n) });
  try {
    await consumer.start();
    const publisher = new StreamPublisher(redis, { stream });
    await publisher.publish({ n: 1 });
    await until('first entry', () => got.length === 1);
    await redis.del(stream);
    await publisher.publish({ n: 2 });
    await publisher.publish({ n: 3 });
    await until('entries after the deletion', () => got.length === 3, 5_000);
    assert.deepEqual(got, [1, 2, 3]);
    assert.equal(consumer.state, 'connected');
  } finally {
    await consumer.stop();
    await c.close();
  }
});

test('Redis killed and restarted empty: the consumer reports reconnecting, then connected, and reads on', async () => {
  const own = await OwnRedis.start();
  const c = new Connections(uniquePrefix('restart'), own.url);
  const stream = `${c.prefix}s`;
  const redis = c.open();
  const states: ConsumerState[] = [];
  const got: number[] = [];
  const consumer = new StreamConsumer(redis, {
    stream, group: 'g', consumer: 'a', blockMs: 200, retry: { minMs: 20, maxMs: 100, jitter: 0 },
    handler: (e) => void got.push((e.body as { n: number }).n), onState: (s) => states.push(s),
  });
  try {
    await consumer.start();
    const publisher = new StreamPublisher(redis, { stream });
    await publisher.publish({ n: 1 });
    await until('before the restart', () => got.length === 1);
    await own.kill();
    await until('reconnecting', () => consumer.state === 'reconnecting', 5_000);
    await own.restart();
    await until('connected again', () => consumer.state === 'connected', 5_000);
    await until('publisher reconnected', () => redis.status === 'ready', 5_000);
    await publisher.publish({ n: 2 });
    await until('after the restart', () => got.length === 2, 5_000);
    assert.deepEqual(got, [1, 2]);
    assert.deepEqual(states.slice(0, 3), ['connected', 'reconnecting', 'connected']);
  } finally {
    await consumer.stop();
    await c.close().catch(() => {});
    await own.kill();
  }
});

test('stop cuts a long BLOCK short and closes the consumer\'s own connection', async () => {
  const c = new Connections(uniquePrefix('stop'));
  const stream = `${c.prefix}s`;
  const redis = c.open();
  const consumer = new StreamConsumer(redis, { stream, group: 'g', consumer: `stopper-${process.pid}`, blockMs: 10_000, claimIdleMs: 60_000, handler: () => {} });
  try {
    await consumer.start();
    await new Promise((r) => setTimeout(r, 50));
    const name = `arbiter-stream:g:stopper-${process.pid}`;
    assert.match(String(await redis.client('LIST')), new RegExp(name));
    const t0 = performance.now();
    await consumer.stop();
    assert.ok(performance.now() - t0 < 1_000, `stop took ${performance.now() - t0} ms`);
    assert.equal(consumer.state, 'stopped');
    await new Promise((r) => setTimeout(r, 50));
    assert.doesNotMatch(String(await redis.client('LIST')), new RegExp(name));
  } finally {
    await c.close();
  }
});

test('no Redis at all: the consumer reports reconnecting, start() rejects once it is stopped, stop does not hang', async () => {
  const port = await closedPort();
  const redis = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, retryStrategy: () => null });
  redis.on('error', () => {});
  const consumer = new StreamConsumer(redis, { stream: 'never', group: 'g', consumer: 'a', retry: { minMs: 10, maxMs: 50, jitter: 0 }, handler: () => {} });
  const started = consumer.start();
  await until('reconnecting', () => consumer.state === 'reconnecting', 5_000);
  await consumer.stop();
  await assert.rejects(started, /stopped before its group could be created/);
  assert.equal(consumer.state, 'stopped');
  redis.disconnect();
});
