import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { until } from '../support/until.js';
import { LIVE_KEY, liveConfigInput, startLiveMarket } from '../support/live-market.js';
import { ARBITER } from '../support/arbiter-cli.js';

const FINAL = "('filled', 'cancelled', 'rejected', 'lost')";

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node bin/arbiter.ts run …`, started without npm, as systemd would. */
function arbiter(args: string[], env: NodeJS.ProcessEnv = process.env): Child {
  const child = spawn(process.execPath, [ARBITER, 'run', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { process: child, stdout: () => stdout, stderr: () => stderr, exited };
}

function openInJournal(dbFile: string): number {
  try {
    const db = new Database(dbFile, { readonly: true });
    const n = (db.prepare(`SELECT COUNT(*) AS n FROM orders WHERE status NOT IN ${FINAL}`).get() as { n: number }).n;
    db.close();
    return n;
  } catch {
    return 0;
  }
}

const lastJson = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!) as { interrupted: string | null; orders: number; openAtStop?: number };

test('SIGTERM stops a paper session as Ctrl-C does: resting orders cancelled, the summary says so, exit 143', async () => {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'arbiter-term-')), 'arbiter.db');
  const child = arbiter(['--db', dbFile, '--json']);
  await until('quotes resting on the paper venue', () => openInJournal(dbFile) > 0, 60_000);
  child.process.kill('SIGTERM');
  const { code } = await child.exited;
  assert.equal(code, 143, child.stderr());
  const summary = lastJson(child.stdout());
  assert.equal(summary.interrupted, 'SIGTERM');
  assert.ok(summary.orders > 0);
  assert.match(child.stderr(), /SIGTERM: stopping; cancelling resting orders/);
  assert.equal(openInJournal(dbFile), 0, 'nothing left submitted in the journal: every resting order was cancelled');
});

/** A live session with quotes resting at the local exchange, whose cancels then hang (the exchange never answers them). */
async function liveWithHangingCancels() {
  const market = await startLiveMarket();
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-int-'));
  const dbFile = join(dir, 'live.db');
  const configFile = join(dir, 'live.yaml');
  // JSON is YAML. A cancel that hangs times out after 2 s, when the stop goes on without it.
  writeFileSync(configFile, JSON.stringify({ ...liveConfigInput(market.ex), network: { timeoutMs: 2_000 } }));
  const child = arbiter(['--live', '--config', configFile, '--db', dbFile, '--json'], { ...process.env, BINANCE_API_KEY: LIVE_KEY.apiKey, BINANCE_SECRET: LIVE_KEY.secret });
  const resting = () => market.ex.state.ordersOf(LIVE_KEY.apiKey, 'BTCUSDT', true).length;
  await until('quotes resting at the exchange', () => resting() > 0, 60_000);
  // The market holds still from here, so no resting quote fills while the test watches the stop.
  market.crowd.stop();
  market.mover.stop();
  market.ex.inject({ kind: 'timeout', route: 'DELETE /api/v3/order', times: 1_000 });
  return { market, dbFile, child, resting };
}

/** Ctrl-C, then Ctrl-C again while the stop hangs on the cancels, until the second one is answered. */
async function interruptTwice(child: Child): Promise<void> {
  child.process.kill('SIGINT');
  await new Promise((r) => setTimeout(r, 300));
  child.process.kill('SIGINT');
  await until('the second Ctrl-C is answered', () => /stopping, cancelling/.test(child.stderr()), 10_000);
}

test('Ctrl-C twice while stopping: says how many orders it is cancelling and offers 5 s to give up on them; without a third, it cancels them all and exits 130', async () => {
  const { market, dbFile, child, resting } = await liveWithHangingCancels();
  try {
    await interruptTwice(child);
    assert.match(child.stderr(), /stopping, cancelling [1-9]\d* orders?; press Ctrl-C again within 5 s to exit now \(orders stay open\)/);
    // The exchange comes back: the hung cancels time out, and the stop cancels what is left.
    market.ex.faults.clear();
    const { code } = await child.exited;
    assert.equal(code, 130, child.stderr());
    assert.equal(lastJson(child.stdout()).interrupted, 'SIGINT');
    assert.equal(resting(), 0, 'no order of ours rests at the exchange');
    assert.equal(openInJournal(dbFile), 0, 'the journal knows every order ended');
  } finally {
    await market.stop();
  }
});

test('Ctrl-C three times: exits at once (130), and the orders it could not cancel stay open at the exchange and in the journal', async () => {
  const { market, dbFile, child, resting } = await liveWithHangingCancels();
  try {
    await interruptTwice(child);
    child.process.kill('SIGINT');
    const { code } = await child.exited;
    assert.equal(code, 130);
    assert.match(child.stderr(), /SIGINT: exiting now; [1-9]\d* orders? left open \(journaled: the next start reconciles (it|them)\)/);
    const open = resting();
    assert.ok(open > 0, 'left open at the exchange, as the operator chose');
    assert.equal(openInJournal(dbFile), open, 'and journaled as still open, for the next start to reconcile');
  } finally {
    await market.stop();
  }
});
