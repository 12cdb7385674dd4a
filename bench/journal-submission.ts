/**
 * The commit before a venue call (recordSubmission: one intent and its order row, one transaction) on each journal
 * driver, in the same run: SQLite synchronous=FULL on a temp file, PostgreSQL synchronous_commit=on in a throwaway
 * schema of storage.postgres.url (default config) through the synchronous bridge. Beside them, what the bridge itself
 * costs: `SELECT 1` through PostgresDb against the same query awaited on an ordinary async pg.Client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { defaultConfig } from '../config/load.js';
import { openJournal, type JournalLocation } from '../actors/ledger/storage/open-journal.js';
import { PostgresDb } from '../actors/ledger/storage/postgres/postgres-db.js';
import type { OrderIntent } from '../actors/risk/intent.js';
import { percentile } from './percentile.js';

const WARMUP = 50;
const round = (v: number) => Number(v.toPrecision(3));

function stats(samplesUs: number[]): { p50Us: number; p99Us: number; maxUs: number } {
  const sorted = Float64Array.from(samplesUs).sort();
  return { p50Us: round(percentile(sorted, 0.5)), p99Us: round(percentile(sorted, 0.99)), maxUs: round(sorted[sorted.length - 1]!) };
}

function submissions(where: JournalLocation, n: number): { p50Us: number; p99Us: number; maxUs: number } {
  const store = openJournal(where);
  try {
    const samples: number[] = [];
    for (let i = -WARMUP; i < n; i++) {
      const intent: OrderIntent = { intentId: `mm-${i}`, strategy: 'market_making', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', kind: 'open', type: 'limit', amount: 0.004, price: 50_000 };
      const order = { clientOrderId: `mm-${i}.0`, intentId: intent.intentId, strategy: intent.strategy, venue: 'paper', symbol: 'BTC/USDT', side: 'buy' as const, status: 'submitted' as const, filled: 0, amount: 0.004, ts: i };
      const t0 = performance.now();
      store.orders.recordSubmission(intent, order);
      if (i >= 0) samples.push((performance.now() - t0) * 1_000);
    }
    return stats(samples);
  } finally {
    store.close();
  }
}

async function bridgeFloor(url: string, n: number): Promise<{ bridgeSelect1: ReturnType<typeof stats>; asyncSelect1: ReturnType<typeof stats> }> {
  const db = PostgresDb.connect(url, { name: 'bench' });
  const viaBridge: number[] = [];
  for (let i = -WARMUP; i < n; i++) {
    const t0 = performance.now();
    db.query('SELECT 1');
    if (i >= 0) viaBridge.push((performance.now() - t0) * 1_000);
  }
  db.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const direct: number[] = [];
  for (let i = -WARMUP; i < n; i++) {
    const t0 = performance.now();
    await client.query('SELECT 1');
    if (i >= 0) direct.push((performance.now() - t0) * 1_000);
  }
  await client.end();
  return { bridgeSelect1: stats(viaBridge), asyncSelect1: stats(direct) };
}

export async function benchJournalSubmission(n = 500): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-bench-submission-'));
  const { url } = defaultConfig().storage.postgres;
  const schema = `bench_journal_${process.pid}`;
  try {
    const sqliteFull = submissions({ driver: 'sqlite', dbFile: join(dir, 'journal.db') }, n);
    let postgres: ReturnType<typeof stats>;
    try {
      postgres = submissions({ driver: 'postgres', postgres: { url, schema } }, n);
    } catch (err) {
      return { submissions: n, sqliteFull, postgres: `skipped: ${(err as Error).message}` };
    }
    const floor = await bridgeFloor(url, n);
    return {
      submissions: n,
      sqliteFull,
      postgres,
      p50PostgresOverSqlite: round(postgres.p50Us / sqliteFull.p50Us),
      p99PostgresOverSqlite: round(postgres.p99Us / sqliteFull.p99Us),
      ...floor,
      bridgeCostP50Us: round(floor.bridgeSelect1.p50Us - floor.asyncSelect1.p50Us),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dropBenchSchema(url, schema);
  }
}

async function dropBenchSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } catch {
    // no server: nothing was created
  } finally {
    await client.end().catch(() => undefined);
  }
}
