import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../support/arbiter-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'arbiter-unreachable-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** `arbiter run --live` against `base`, with two quick retries (network.retries 2, 20–40 ms apart). */
function runLive(name: string, base: string, logLevel: 'error' | 'warn') {
  const v3 = `${base}/api/v3`;
  const config = join(dir, `${name}.yaml`);
  writeFileSync(config, [
    `live: { urls: { public: "${v3}", private: "${v3}" } }`,
    'network: { retries: 2, backoffBaseMs: 20, backoffMaxMs: 40, timeoutMs: 1000 }',
    `storage: { dbFile: "${join(dir, `${name}.db`)}" }`,
    `log: { level: ${logLevel}, pretty: false }`,
  ].join('\n'));
  return spawnSync(process.execPath, [ARBITER, 'run', '--live', '--config', config], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, BINANCE_API_KEY: 'unreachable-key', BINANCE_SECRET: 'unreachable-secret' },
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('arbiter run --live against a closed port: exit 2, one stderr line naming binance, the host and "connection refused" after 3 attempts, no stack', async () => {
  const port = await closedPort();
  const child = runLive('refused', `http://127.0.0.1:${port}`, 'error');
  assert.equal(child.status, 2, child.stderr);
  assert.equal(child.stdout, '');
  assert.doesNotMatch(child.stderr, /^ {4}at /m);
  assert.deepEqual(child.stderr.trimEnd().split('\n'), [`arbiter run: cannot reach binance at 127.0.0.1:${port}: connection refused (ECONNREFUSED), after 3 attempts`]);
});

test('arbiter run --live against a host that does not resolve: exit 2, the retries logged, then one line naming the DNS failure', () => {
  const child = runLive('dns', 'http://nonexistent.invalid', 'warn');
  assert.equal(child.status, 2, child.stderr);
  assert.doesNotMatch(child.stderr, /^ {4}at /m);
  const lines = child.stderr.trimEnd().split('\n');
  const logged = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; op: string; attempt: number; delayMs: number });
  assert.deepEqual(logged.map((l) => [l.msg, l.op, l.attempt]), [['exchange request failed; retrying', 'fetchTime', 1], ['exchange request failed; retrying', 'fetchTime', 2]]);
  assert.ok(logged.every((l, i) => l.delayMs >= 10 * 2 ** i && l.delayMs <= 40), JSON.stringify(logged));
  const human = lines.filter((l) => !l.startsWith('{'));
  assert.equal(human.length, 1, child.stderr);
  assert.match(human[0]!, /^arbiter run: cannot reach binance at nonexistent\.invalid: DNS lookup failed \((ENOTFOUND|EAI_AGAIN)\), after 3 attempts$/);
});
