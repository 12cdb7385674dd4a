import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { GlobalBudget } from '../../../actors/risk/global-budget/global-budget.js';
import type { BudgetConfig } from '../../../actors/risk/global-budget/limits.js';

/** The shared Redis the budget tests run against (ARBITER_TEST_REDIS_URL overrides). */
export const REDIS_URL = process.env.ARBITER_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other run uses; its hash tag keeps a run's keys in one slot, as in production. */
export function uniquePrefix(name: string): string {
  return `arbiter-test:{gb-${name}-${process.pid}-${randomBytes(4).toString('hex')}}:`;
}

/** Worked-number limits: 1,000 per symbol, 2,500 gross, 100 daily loss (loading the config module costs seconds). */
export function budgetConfig(keyPrefix: string, overrides: Partial<BudgetConfig> = {}): BudgetConfig {
  return {
    nodeId: 'node-1',
    keyPrefix,
    globalMaxPositionNotional: 1_000,
    globalMaxPositionNotionalBySymbol: {},
    globalMaxGrossNotional: 2_500,
    globalMaxDailyLoss: 100,
    reservationTtlMs: 60_000,
    idempotencyWindowMs: 86_400_000,
    maxMarketLagMs: 1_000,
    sweepBatch: 64,
    ...overrides,
  };
}

/** Separate connections: one per simulated node. Closes them and deletes the run's keys at the end. */
export class Nodes {
  readonly clients: Redis[] = [];
  private readonly keys = new Set<string>();

  connect(): Redis {
    const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    this.clients.push(client);
    return client;
  }

  budget(config: BudgetConfig, client = this.connect()): GlobalBudget {
    const budget = new GlobalBudget(client, config);
    for (const key of budget.keys) this.keys.add(key);
    return budget;
  }

  async close(): Promise<void> {
    const admin = new Redis(REDIS_URL);
    try {
      if (this.keys.size > 0) await admin.del(...this.keys);
    } finally {
      admin.disconnect();
      for (const c of this.clients) c.disconnect();
    }
  }
}
