import { Redis } from 'ioredis';
import type { Config } from '../config/index.js';
import type { ActorSpec } from '../actors/runtime/actor-spec.js';
import { InputError } from '../actors/runtime/errors.js';
import { GlobalBudget } from '../actors/risk/global-budget/global-budget.js';
import { budgetGateActor } from '../actors/risk/global-budget/budget-gate-actor.js';
import type { BudgetSnapshot } from '../actors/risk/global-budget/types.js';

/** This process as one node of a cluster: its connection to the shared budget, and the gate its families boot with. */
export interface ClusterNode {
  nodeId: string;
  budget: GlobalBudget;
  /** The gate actor for one family's trading system (docs/risk.md, "Global budget"). */
  gate(): ActorSpec;
  /** What the budget holds now (the summary's `cluster.budget`). */
  snapshot(): Promise<BudgetSnapshot>;
  close(): Promise<void>;
}

/**
 * Joins the cluster at `redis.url` as `cluster.nodeId`: connects (a lost connection is retried in the background;
 * meanwhile the gate refuses new exposure), then rebuilds this node's share of the budget (RELIABILITY R21: never
 * trust what Redis held): a paper session starts flat on fresh paper venues, so its share starts at zero, and
 * whatever an earlier run of this node left (filled share, reservations) is dropped.
 */
export async function joinCluster(config: Config): Promise<ClusterNode> {
  const redis = new Redis(config.redis.url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n) => Math.min(50 * n, 1_000) });
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new InputError(`redis.url: the cluster's budget needs Redis at ${config.redis.url.replace(/\/\/[^@]*@/, '//***@')} (${(err as Error).message})`);
  }
  const budget = new GlobalBudget(redis, config.cluster);
  await budget.rebuild([], { dayPnl: 0 });
  return {
    nodeId: config.cluster.nodeId,
    budget,
    gate: () => budgetGateActor(budget),
    snapshot: () => budget.snapshot(),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
