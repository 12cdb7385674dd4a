import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { InputError } from '../../../actors/runtime/errors.js';
import { startOwnRedis } from '../../../supervisors/cluster/own-redis.js';
import { alive } from '../../support/process-alive.js';

const run = promisify(execFile);

test('a redis-server of its own: on a free loopback port, not 6379; restart brings it back empty on the same port; stop ends it', async () => {
  const own = await startOwnRedis();
  const client = new Redis(own.url, { maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  try {
    assert.notEqual(own.port, 6379);
    assert.match(own.url, /^redis:\/\/127\.0\.0\.1:\d+$/);
    await client.set('k', 'v');
    assert.deepEqual(await client.config('GET', 'save'), ['save', '']);
    assert.deepEqual(await client.config('GET', 'appendonly'), ['appendonly', 'no']);
    const before = own.pid;
    await own.restart();
    assert.ok(!alive(before), 'the first server exited');
    assert.notEqual(own.pid, before);
    assert.equal(await client.get('k'), null, 'no persistence: it comes back empty');
    await own.stop();
    assert.ok(!alive(own.pid));
    await own.stop();
  } finally {
    client.disconnect();
    await own.stop();
  }
});

test('no redis-server on PATH: an InputError saying so', async () => {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    await assert.rejects(startOwnRedis(), (err: unknown) => err instanceof InputError && /redis-server \(redis-server\) on port \d+: not found \(looked on PATH\)/.test(err.message));
  } finally {
    process.env.PATH = path;
  }
});

test('a port already taken: an InputError with what redis-server said', async () => {
  const own = await startOwnRedis();
  try {
    await assert.rejects(startOwnRedis({ port: own.port }), (err: unknown) => err instanceof InputError && new RegExp(`port ${own.port}: exited`).test(err.message));
  } finally {
    await own.stop();
  }
});

test('the server dies with the process that started it', async () => {
  const script = `import { startOwnRedis } from './supervisors/cluster/own-redis.ts'; const r = await startOwnRedis(); process.stdout.write(String(r.pid)); process.exit(0);`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: new URL('../../..', import.meta.url).pathname });
  const pid = Number(stdout);
  assert.ok(pid > 0, stdout);
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(!alive(pid), `redis-server ${pid} outlived its process`);
});
