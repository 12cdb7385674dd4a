import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../../support/arbiter-cli.js';
import { alive } from '../../support/process-alive.js';

// A second Ctrl-C on `arbiter chaos` or `arbiter cluster` exits at once: it left the bot running, trading on.
test('a node process does not outlive the process that started it, however that one exits', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'arbiter-orphan-')), 'bot.db');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/supervisors/cluster/fixtures/start-and-exit.ts', ARBITER, db], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  const pid = Number(run.stdout.trim());
  assert.ok(pid > 0, run.stdout);
  const until = performance.now() + 5_000;
  while (alive(pid) && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  assert.equal(alive(pid), false, `arbiter run (pid ${pid}) outlived its parent`);
});
