import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { EntryAge, LagStatus } from '../../../supervisors/cluster/market-lag.js';
import { SimulatedClock } from '../../../actors/runtime/clock.js';

const REDIS_URL = process.env.ARBITER_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

test("an entry's age is read on Redis's clock, whatever this node's clock says", async () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const began = performance.now();
    const [s, us] = await redis.time();
    const redisNow = Number(s) * 1_000 + Number(us) / 1_000;
    // This node's clock is an hour off; the age must not be.
    const wall = new SimulatedClock(redisNow - 3_600_000);
    const age = new EntryAge(redis, wall);
    await age.sync();
    // The sync reads Redis's clock a little after redisNow: by at most the time both reads took.
    const took = performance.now() - began;
    const ms = age.ofEntry(`${Math.round(redisNow) - 500}-3`);
    assert.ok(ms >= 450 && ms <= 550 + took, `age ${ms} ms (sync took ${took.toFixed(0)} ms)`);
    wall.advance(2_000);
    const later = age.ofEntry(`${Math.round(redisNow) - 500}-3/1`);
    assert.ok(later >= 2_450 && later <= 2_550 + took, `age ${later} ms`);
  } finally {
    redis.disconnect();
  }
});

test('a market is reported stale while its bars come late and live once one comes in time; only the changes', () => {
  const lag = new LagStatus(100);
  assert.equal(lag.update('paper@a', 'BTC/USDT', 20, 60_000), undefined, 'never late: left to the age check');
  assert.deepEqual(lag.update('paper@a', 'BTC/USDT', 900, 120_000), { type: 'market.stale', venue: 'paper@a', symbol: 'BTC/USDT', lastUpdateTs: 120_000 });
  assert.equal(lag.update('paper@a', 'BTC/USDT', 500, 180_000), undefined);
  assert.equal(lag.update('paper@a', 'ETH/USDT', 50, 180_000), undefined, 'each market on its own');
  assert.deepEqual(lag.update('paper@a', 'BTC/USDT', 100, 240_000), { type: 'market.live', venue: 'paper@a', symbol: 'BTC/USDT' });
  assert.equal(lag.update('paper@a', 'BTC/USDT', 30, 300_000), undefined);
});
