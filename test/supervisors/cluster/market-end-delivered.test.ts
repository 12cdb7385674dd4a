import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { StreamPublisher } from '../../../actors/runtime/streams/stream-publisher.js';
import { marketEndDelivered } from '../../../supervisors/cluster/market-end-delivered.js';

test('the market end counts as delivered to a group only once the group was handed the end entry', async () => {
  const redis = new Redis('redis://127.0.0.1:6379');
  const stream = `arbiter-test:{market-end-${process.pid}-${randomBytes(4).toString('hex')}}:market`;
  const group = 'market:bot';
  try {
    const market = new StreamPublisher(redis, { stream });
    await market.publish({ kind: 'bar', symbol: 'BTC/USDT', timeframeMs: 60_000, candle: { ts: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 } });
    await redis.xgroup('CREATE', stream, group, '0');
    assert.equal(await marketEndDelivered(redis, stream, group), false, 'no end published');
    await market.publish({ kind: 'end', bars: 1 });
    assert.equal(await marketEndDelivered(redis, stream, 'market:other'), false, 'no such group');
    await redis.xreadgroup('GROUP', group, 'bot', 'COUNT', 1, 'STREAMS', stream, '>');
    assert.equal(await marketEndDelivered(redis, stream, group), false, 'the bar was delivered, not the end');
    await redis.xreadgroup('GROUP', group, 'bot', 'COUNT', 1, 'STREAMS', stream, '>');
    assert.equal(await marketEndDelivered(redis, stream, group), true, 'the end was handed over (acknowledged or not)');
  } finally {
    await redis.del(stream);
    redis.disconnect();
  }
});
