import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../../support/arbiter-cli.js';

function run(configText: string): Promise<{ status: number | null; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-cfg-'));
  const config = join(dir, 'arbiter.yaml');
  writeFileSync(config, configText);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ARBITER, 'run', '--config', config, '--db', join(dir, 'j.db'), '--duration', '1']);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.once('exit', (status) => resolve({ status, stderr }));
  });
}

test('settings that cannot work stop arbiter run at start with exit 2 naming them: Redis enabled but unreachable, a restart backoff whose first delay exceeds its cap', async () => {
  const [redis, backoff] = await Promise.all([
    // Port 1 on loopback: nothing listens there.
    run('redis:\n  enabled: true\n  url: redis://127.0.0.1:1\n'),
    run('supervision:\n  backoffMinMs: 2000\n  backoffMaxMs: 1000\n'),
  ]);
  assert.equal(redis.status, 2, redis.stderr);
  assert.match(redis.stderr, /^arbiter run: redis\.url: no working Redis at redis:\/\/127\.0\.0\.1:1 /);
  assert.equal(backoff.status, 2, backoff.stderr);
  assert.match(backoff.stderr, /supervision\.backoffMinMs/);
  for (const { stderr } of [redis, backoff]) assert.doesNotMatch(stderr, /^\s+at /m);
});

test('run --help says where inspector events go: a 127.0.0.1 relay, and Stately\'s web page in the browser', async () => {
  const { buildProgram } = await import('../../../bin/program.js');
  const help = (await buildProgram(['run'])).commands.find((c) => c.name() === 'run')!.helpInformation().replace(/\s+/g, ' ');
  assert.match(help, /--inspect .*127\.0\.0\.1.*https:\/\/stately\.ai.*every event/);
});
