import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { until } from '../support/until.js';
import { ARBITER } from '../support/arbiter-cli.js';

test('a --json command piped into `head -c 10` exits quietly, with no EPIPE stack trace', () => {
  // 75 kB of JSON: more than a pipe holds, so arbiter is still writing when head exits.
  const pipeline = `"${process.execPath}" ${ARBITER} quote dex --pools data/dex/uniswap-sushiswap-overlap.pools.json --json | head -c 10; echo " arbiter=\${PIPESTATUS[0]}"`;
  const res = spawnSync('bash', ['-c', pipeline], { encoding: 'utf8' });
  assert.equal(res.stdout, '{"pools":2 arbiter=0\n', res.stderr);
  assert.doesNotMatch(res.stderr, /EPIPE|^\s+at /m);
});

test('npm start | tee log, stopped with Ctrl-C (tee ends too): the session still cancels what rests and exits 130', async () => {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'arbiter-tee-')), 'arbiter.db');
  const child = spawn(process.execPath, [ARBITER, 'run', '--db', dbFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.resume();
  child.stderr.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await until('quotes resting on the paper venue', () => openOrders(dbFile) > 0, 60_000);
  child.stdout.destroy();
  child.stderr.destroy();
  child.kill('SIGINT');
  assert.equal(await exited, 130);
  assert.equal(openOrders(dbFile), 0, 'every resting order was cancelled although nobody was reading');
});

function openOrders(dbFile: string): number {
  try {
    const db = new Database(dbFile, { readonly: true });
    const n = (db.prepare("SELECT COUNT(*) AS n FROM orders WHERE status NOT IN ('filled', 'cancelled', 'rejected', 'lost')").get() as { n: number }).n;
    db.close();
    return n;
  } catch {
    return 0;
  }
}
