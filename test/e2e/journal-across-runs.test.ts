import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ARBITER } from '../support/arbiter-cli.js';

const FINAL = "('filled', 'cancelled', 'rejected', 'lost')";

/** One `arbiter run` to its end, as an operator starts it; its JSON summary. */
function cleanRun(dbFile: string): { orders: number; fills: number; reconciled: { settled: number; cancelled: number; lost: number; unresolved: number } } {
  const res = spawnSync(process.execPath, [ARBITER, 'run', '--db', dbFile, '--duration', '1.5', '--json'], { encoding: 'utf8' });
  assert.equal(res.status, 0, res.stderr);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!);
}

function read<T>(dbFile: string, sql: string, readonly = true): T {
  const db = new Database(dbFile, { readonly });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

const count = (dbFile: string, sql: string, readonly = true) => read<{ n: number }>(dbFile, sql, readonly).n;

/**
 * A run SIGKILLed while market-making quotes rest. What it left is read after the kill on a read-write
 * connection (SQLite rebuilds the WAL index then; a read-only look while it ran can miss the last commit).
 * When that last commit happened to close every order, the kill proves nothing about leftovers: kill again.
 */
async function killedRun(dbFile: string): Promise<{ left: number }> {
  const rowsBefore = count(dbFile, 'SELECT COUNT(*) AS n FROM orders');
  for (let attempt = 0; attempt < 3; attempt++) {
    const child = spawn(process.execPath, [ARBITER, 'run', '--db', dbFile, '--speed', '100000', '--json'], { stdio: 'ignore' });
    for (let i = 0; i < 1200; i++) {
      const { added, resting } = read<{ added: number; resting: number }>(
        dbFile,
        `SELECT COUNT(*) - ${rowsBefore} AS added, SUM(CASE WHEN strategy = 'market-making' AND status NOT IN ${FINAL} THEN 1 ELSE 0 END) AS resting FROM orders`,
      );
      if (added > 50 && resting > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const left = count(dbFile, `SELECT COUNT(*) AS n FROM orders WHERE status NOT IN ${FINAL}`, false);
    if (left > 0) return { left };
  }
  throw new Error('three kills in a row left no order open: the session never rests quotes');
}

test('three runs on one journal, the second SIGKILLed mid-run: every fill kept, every order with its intent and fills, nothing open at the end', async () => {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'arbiter-runs-')), 'arbiter.db');

  const first = cleanRun(dbFile);
  assert.ok(first.fills > 0, 'the first run filled orders');
  const afterFirst = count(dbFile, 'SELECT COUNT(*) AS n FROM orders');
  assert.equal(afterFirst, first.orders);

  const { left } = await killedRun(dbFile);
  const afterKill = count(dbFile, 'SELECT COUNT(*) AS n FROM orders');
  assert.ok(afterKill > afterFirst, 'the killed run journaled orders of its own');

  const third = cleanRun(dbFile);
  assert.deepEqual(third.reconciled, { settled: 0, cancelled: 0, lost: left, unresolved: 0 }, 'what the kill left rested at in-process venues: lost with the process, counted apart');
  assert.ok(third.fills > 0, 'the third run traded after reconciling');

  const fillRows = count(dbFile, 'SELECT COUNT(*) AS n FROM fills');
  assert.ok(fillRows >= first.fills + third.fills, `fill rows ${fillRows} ≥ fills the clean runs reported (${first.fills} + ${third.fills})`);
  assert.equal(count(dbFile, 'SELECT COUNT(*) AS n FROM orders'), afterKill + third.orders, 'the third run added its own orders: no clientOrderId reused');
  assert.equal(count(dbFile, 'SELECT COUNT(*) AS n FROM fill_conflicts'), 0, 'no fill id was reused');
  assert.equal(count(dbFile, 'SELECT COUNT(*) AS n FROM orders o LEFT JOIN intents i ON i.intent_id = o.intent_id WHERE i.intent_id IS NULL'), 0, 'no order without its intent');
  assert.equal(count(dbFile, 'SELECT COUNT(*) AS n FROM fills f LEFT JOIN orders o ON o.client_order_id = f.client_order_id WHERE o.client_order_id IS NULL'), 0, 'no fill without an order');
  assert.equal(count(dbFile, `SELECT COUNT(*) AS n FROM orders WHERE status NOT IN ${FINAL}`), 0, 'nothing non-final after the last start');
  assert.equal(count(dbFile, "SELECT COUNT(*) AS n FROM orders WHERE status = 'lost'"), left);

  const db = new Database(dbFile, { readonly: true });
  const mismatched = db
    .prepare(
      `SELECT o.client_order_id AS id, o.status, o.filled, COALESCE(SUM(f.amount), 0) AS summed, COUNT(f.fill_id) AS rows
       FROM orders o LEFT JOIN fills f ON f.client_order_id = o.client_order_id GROUP BY o.client_order_id
       HAVING ABS(o.filled - summed) > 1e-9 OR (o.status = 'filled' AND rows = 0)`,
    )
    .all();
  db.close();
  assert.deepEqual(mismatched, [], 'every order that filled has its fills, and they add up to what it filled');
  assert.ok(count(dbFile, "SELECT COUNT(*) AS n FROM orders WHERE status = 'filled'") > 0, 'there were filled orders to check');
});
