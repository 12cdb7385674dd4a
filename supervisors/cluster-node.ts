import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { ActorSpec } from '../actors/runtime/actor-spec.js';
import { InputError } from '../actors/runtime/errors.js';
import { connectClusterRedis } from './cluster/connect-redis.js';
import { shownUrl } from '../actors/runtime/shown-url.js';
import { GlobalBudget } from '../actors/risk/global-budget/global-budget.js';
import { budgetGateActor } from '../actors/risk/global-budget/budget-gate-actor.js';
import { BudgetLink } from '../actors/risk/global-budget/budget-link.js';
import { journalShare, type ShareJournal } from '../actors/risk/global-budget/journal-share.js';
import type { BudgetSnapshot } from '../actors/risk/global-budget/types.js';

/** This process as one node of a cluster: its connection to the shared budget, and the gate its families boot with. */
export interface ClusterNode {
  nodeId: string;
  budget: GlobalBudget;
  /** Losses of Redis, and the rebuild of the node's share after each (budget-link.ts). */
  link: BudgetLink;
  /** The gate actor for one family's trading system (docs/risk.md, "Global budget"). */
  gate(): ActorSpec;
  /** What the budget holds now (the summary's `cluster.budget`). */
  snapshot(): Promise<BudgetSnapshot>;
  close(): Promise<void>;
}

export interface JoinOptions {
  /** The node's order journal (the Store's `orders`): its share of the budget is rebuilt from it. */
  journal: ShareJournal;
  /** The session's start on its clock: the fills and orders since are this node's share. */
  since: number;
  /** The session's clock: its UTC day is the day of the realised P&L the rebuild sets. */
  now: () => number;
  logger?: Logger;
}

/**
 * Joins the cluster at `redis.url` as `cluster.nodeId`: connects, then rebuilds this node's share of the budget from
 * its journal (RELIABILITY R21: never trust what Redis held; at start the session has no fills, so whatever an earlier
 * run of this node left is dropped). A lost connection is retried in the background; meanwhile the gates refuse new
 * exposure, and when Redis answers again the share is rebuilt from the journal before they open (budget-link.ts).
 */
export async function joinCluster(config: Config, options: JoinOptions): Promise<ClusterNode> {
  const redis = await connectClusterRedis(config, "the cluster's budget");
  const budget = new GlobalBudget(redis, config.cluster);
  const link = new BudgetLink({ redis, budget, share: () => journalShare(options.journal, { since: options.since, now: options.now() }), logger: options.logger });
  try {
    await Promise.race([link.rebuilt(), new Promise((_, reject) => setTimeout(() => reject(new Error('no rebuild within 5 s')), 5_000).unref())]);
  } catch (err) {
    link.close();
    redis.disconnect();
    throw new InputError(`redis.url: this node's share of the cluster budget could not be set at ${shownUrl(config.redis.url)} (${(err as Error).message})`);
  }
  return {
    nodeId: config.cluster.nodeId,
    budget,
    link,
    gate: () => budgetGateActor(budget, link),
    snapshot: () => budget.snapshot(),
    close: async () => {
      link.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
