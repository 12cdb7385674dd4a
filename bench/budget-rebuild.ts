/**
 * RELIABILITY R21: how long a node's rebuild of its share of the global budget takes after Redis comes back, for
 * N symbols held. The node's journal (SQLite, a temp file) holds 10 fills per symbol and one working order per ten
 * symbols; the rebuild reads it (journalShare: every fill of the session, the orders still working) and writes it
 * in one script (GlobalBudget.rebuildFrom: the share, the working orders held again, every fill id marked counted).
 * Floor: a rebuild of an empty share (one script round trip). Median of 7 after 2 warm-ups, against a redis-server of
 * the bench's own (supervisors/cluster/own-redis.ts), so the machine's shared Redis is left alone.
 */
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { openStore, type Store } from '../actors/ledger/storage/store.js';
import { GlobalBudget } from '../actors/risk/global-budget/global-budget.js';
import { journalShare } from '../actors/risk/global-budget/journal-share.js';
import { startOwnRedis } from '../supervisors/cluster/own-redis.js';

const SIZES = [10, 100, 1_000];
const FILLS_PER_SYMBOL = 10;
const RUNS = 7;
const WARMUP = 2;

const round = (v: number) => Number(v.toPrecision(3));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function journal(dir: string, symbols: number): Store {
  const store = openStore(join(dir, `journal-${symbols}.db`));
  store.orders.transaction(() => {
    for (let s = 0; s < symbols; s++) {
      const symbol = `S${s}/USDT`;
      for (let k = 0; k < FILLS_PER_SYMBOL + (s % 10 === 0 ? 1 : 0); k++) {
        const intentId = `i-${s}-${k}`;
        const working = k === FILLS_PER_SYMBOL;
        const side = k % 3 === 2 ? 'sell' : 'buy';
        store.orders.recordIntent({ intentId, strategy: 'bench', venue: 'paper', symbol, side, kind: 'open', type: 'limit', amount: 1, price: 100 + k }, 1_000 + k);
        store.orders.upsertOrder({ clientOrderId: `${intentId}.0`, intentId, strategy: 'bench', venue: 'paper', symbol, side, status: working ? 'submitted' : 'filled', filled: working ? 0 : 1, amount: 1, ts: 1_000 + k });
        if (!working) store.orders.recordFill({ fillId: `f-${s}-${k}`, clientOrderId: `${intentId}.0`, intentId, strategy: 'bench', venue: 'paper', symbol, side, price: 100 + k, amount: 1, fee: 0.1, liquidity: 'maker', ts: 1_000 + k });
      }
    }
  });
  return store;
}

export async function benchBudgetRebuild(): Promise<Record<string, unknown>> {
  const own = await startOwnRedis();
  const redis = new Redis(own.url, { maxRetriesPerRequest: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-bench-rebuild-'));
  const budget = new GlobalBudget(redis, {
    nodeId: 'bench', keyPrefix: 'arbiter-bench:{rebuild}:', globalMaxPositionNotional: 1e15, globalMaxPositionNotionalBySymbol: {},
    globalMaxGrossNotional: 1e15, globalMaxDailyLoss: 1e15, reservationTtlMs: 60_000, idempotencyWindowMs: 86_400_000, maxMarketLagMs: 1_000, sweepBatch: 64,
  });
  try {
    const floor: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const t0 = performance.now();
      await budget.rebuild([]);
      if (i >= WARMUP) floor.push(performance.now() - t0);
    }
    const bySize: Record<string, unknown> = {};
    for (const symbols of SIZES) {
      const store = journal(dir, symbols);
      const read: number[] = [];
      const write: number[] = [];
      let share = journalShare(store.orders, { since: 0, now: 1_000 });
      for (let i = 0; i < RUNS + WARMUP; i++) {
        const t0 = performance.now();
        share = journalShare(store.orders, { since: 0, now: 1_000 });
        const t1 = performance.now();
        await budget.rebuildFrom(share);
        if (i >= WARMUP) {
          read.push(t1 - t0);
          write.push(performance.now() - t1);
        }
      }
      store.close();
      bySize[`${symbols} symbols`] = {
        fills: share.fillIds.length, working: share.working.length,
        journalReadMs: round(median(read)), redisScriptMs: round(median(write)), totalMs: round(median(read.map((r, i) => r + write[i]!))),
      };
    }
    return { ...bySize, floorEmptyRebuildMs: round(median(floor)) };
  } finally {
    redis.disconnect();
    await own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(await benchBudgetRebuild(), null, 2)}\n`);
}
