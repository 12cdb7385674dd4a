import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { closedPort, listening } from '../support/ports.js';
import { InputError } from '../../actors/runtime/errors.js';
import { requireRedis } from '../../supervisors/redis-check.js';

const REAL = 'redis://127.0.0.1:6379';

async function refusal(url: string, timeoutMs?: number): Promise<InputError> {
  const err = await requireRedis({ redis: { enabled: true, url } }, timeoutMs).then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof InputError, `expected an InputError for ${url}, got ${String(err)}`);
  assert.equal(err.message.split('\n').length, 1, err.message);
  return err;
}

test('redis.enabled with the real Redis: connected, PINGed, disconnected; a database index it lacks is refused by that Redis', async () => {
  await requireRedis({ redis: { enabled: true, url: REAL } });
  assert.match((await refusal(`${REAL}/9999`)).message, /^redis\.url: no working Redis at redis:\/\/127\.0\.0\.1:6379\/9999 \(.*DB index is out of range.*\)/);
});

test('redis.enabled with nothing listening: an InputError naming redis.url and ECONNREFUSED; disabled, nothing is tried', async () => {
  const port = await closedPort();
  const err = await refusal(`redis://127.0.0.1:${port}`);
  assert.match(err.message, new RegExp(`^redis\\.url: no working Redis at redis://127\\.0\\.0\\.1:${port} \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\); start Redis there, fix redis\\.url, or set redis\\.enabled: false$`));
  await requireRedis({ redis: { enabled: false, url: `redis://127.0.0.1:${port}` } });
});

test('the password in redis.url never reaches the message', async () => {
  const port = await closedPort();
  const err = await refusal(`redis://:hunter2-secret@127.0.0.1:${port}/0`);
  assert.doesNotMatch(err.message, /hunter2/);
  assert.match(err.message, new RegExp(`no working Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}/0 \\(`));
});

test('a server that accepts and never answers is given up after the timeout, not waited on forever', async (t) => {
  const silent = createServer(() => {});
  const port = await listening(silent);
  t.after(() => silent.close());
  assert.match((await refusal(`redis://127.0.0.1:${port}`, 200)).message, /no working Redis at .* \(Socket timeout\. .*200ms/);
});
