import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ARBITER } from '../../support/arbiter-cli.js';
import { freshPgSchema } from '../../support/fresh-pg-schema.js';
import { startOwnRedis } from '../../../supervisors/cluster/own-redis.js';
import { startStrategyNodeFor, startVenueNodeFor, venueLogsOf } from '../../../supervisors/cluster/venue-node-for.js';
import { clusterKeys } from '../../../supervisors/cluster/cluster-keys.js';
import { envNameOf } from '../../../config/introspect.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

test('Redis restarted empty after one strategy node said it was ready and before the other did: the venue node still opens the market, and both nodes end with it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-ready-'));
  const config = join(dir, 'arbiter.yaml');
  writeFileSync(config, 'paper:\n  strategies: [sma-cross]\n');
  const market = freshPgSchema('ready');
  const redis = await startOwnRedis();
  const probe = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 20 });
  probe.on('error', () => {});
  const lines: string[] = [];
  const common = { redisUrl: redis.url, configFile: config, script: ARBITER, env: { [envNameOf(['storage', 'postgres', 'schema'])]: market.db.schema }, onLine: (node: string, line: string) => lines.push(`${node}: ${line}`) };
  const venue = startVenueNodeFor({ ...common, serve: ['a', 'b'], durationS: 4, speed: 50 });
  const a = startStrategyNodeFor({ ...common, node: 'a', dbFile: join(dir, 'a.db'), durationS: 120 });
  let b: ReturnType<typeof startStrategyNodeFor> | undefined;
  try {
    const deadline = performance.now() + 60_000;
    while ((await probe.get(clusterKeys.ready('a')).catch(() => null)) !== '1') {
      assert.ok(performance.now() < deadline, 'node a never said it was ready');
      await sleep(50);
    }
    await redis.restart();
    assert.equal(await probe.exists(clusterKeys.ready('a')), 0, 'the restarted Redis is empty');
    b = startStrategyNodeFor({ ...common, node: 'b', dbFile: join(dir, 'b.db'), durationS: 120 });
    const [va, vb] = await Promise.all([a.exited, b.exited]);
    assert.equal(va.status, 0, va.stderrTail);
    assert.equal(vb.status, 0, vb.stderrTail);
    const logs = await venueLogsOf(venue);
    assert.deepEqual([...new Set(logs.map((l) => l.node))].sort(), ['a', 'b']);
    assert.ok(lines.some((l) => l.startsWith('venues: ') && l.includes('the market opens')), 'the market opened');
  } catch (err) {
    console.error(lines.slice(-60).join('\n'));
    throw err;
  } finally {
    for (const p of [a, b, venue]) if (p && p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    probe.disconnect();
    await redis.stop();
    await market.drop();
  }
});
