/**
 * Issue 15: the global budget's reservation round trip (GlobalBudget.reserve: one EVALSHA of the reserve script), p99
 * ≤ 1 ms. 10,000 reserves from one connection, then 10,000 from four connections at once (2,500 each, separate
 * connections as separate nodes would have, in this one process). The floor, in the same run: a plain PING round trip,
 * the same way. Every reserve is accepted (limits far above what the run adds), over ten symbols, buys and sells; the
 * reservations stay held, so the last reserves see some 20,000 of them. Needs the Redis at redis.url (ARBITER_REDIS__URL).
 * Its keys live under a prefix of their own and are deleted at the end.
 */
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { loadConfig } from '../config/index.js';
import { GlobalBudget } from '../actors/risk/global-budget/global-budget.js';
import { percentile } from './percentile.js';

const CALLS = 10_000;
const CLIENTS = 4;
const WARMUP = 500;
const TARGET_P99_US = 1_000;
const SYMBOLS = Array.from({ length: 10 }, (_, i) => `S${i}/USDT`);

const round = (v: number) => Number(v.toPrecision(3));

function summary(samplesUs: number[], wallMs: number): Record<string, number> {
  const sorted = Float64Array.from(samplesUs).sort();
  return { calls: sorted.length, p50Us: round(percentile(sorted, 0.5)), p99Us: round(percentile(sorted, 0.99)), maxUs: round(sorted[sorted.length - 1]!), perSec: Math.round(sorted.length / (wallMs / 1_000)) };
}

/** `calls` calls of `one`, each awaited before the next, on every lane at once; each call's round trip in µs. */
async function timed(lanes: number, calls: number, one: (lane: number, i: number) => Promise<unknown>): Promise<Record<string, number>> {
  const samples: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = 0; i < calls / lanes; i++) {
        const t0 = performance.now();
        await one(lane, i);
        samples.push((performance.now() - t0) * 1_000);
      }
    }),
  );
  return summary(samples, performance.now() - start);
}

export async function benchGlobalBudget(): Promise<Record<string, unknown>> {
  const { config } = loadConfig();
  const clients = Array.from({ length: CLIENTS }, () => new Redis(config.redis.url, { maxRetriesPerRequest: 1 }));
  const budgetConfig = {
    ...config.cluster,
    keyPrefix: `arbiter-bench:{gb-${process.pid}-${Date.now()}}:`,
    globalMaxPositionNotional: 1e15,
    globalMaxGrossNotional: 1e15,
    globalMaxDailyLoss: 1e15,
  };
  const budgets = clients.map((c, i) => new GlobalBudget(c, { ...budgetConfig, nodeId: `bench-${i}` }));
  let n = 0;
  const reserve = (lane: number) => {
    const k = n++;
    return budgets[lane]!.reserve({ reservationId: `b${k}`, symbol: SYMBOLS[k % SYMBOLS.length]!, side: k % 2 === 0 ? 'buy' : 'sell', kind: 'open', amount: 0.01, notional: 500 });
  };
  try {
    await timed(1, WARMUP, () => clients[0]!.ping());
    await timed(CLIENTS, WARMUP, reserve);
    const pingOne = await timed(1, CALLS, () => clients[0]!.ping());
    const reserveOne = await timed(1, CALLS, reserve);
    const pingFour = await timed(CLIENTS, CALLS, (lane) => clients[lane]!.ping());
    const reserveFour = await timed(CLIENTS, CALLS, reserve);
    const held = (await budgets[0]!.snapshot()).reservations;
    return {
      oneClient: { reserve: reserveOne, floorPing: pingOne, p99OverFloor: round(reserveOne.p99Us! / pingOne.p99Us!) },
      fourClients: { reserve: reserveFour, floorPing: pingFour, p99OverFloor: round(reserveFour.p99Us! / pingFour.p99Us!) },
      reservationsHeldAtEnd: held,
      targetP99Us: TARGET_P99_US,
      pass: reserveOne.p99Us! <= TARGET_P99_US && reserveFour.p99Us! <= TARGET_P99_US,
    };
  } finally {
    await clients[0]!.del(...budgets[0]!.keys);
    for (const c of clients) c.disconnect();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(await benchGlobalBudget(), null, 2)}\n`);
}
