import type { Redis } from 'ioredis';
import { EXPIRE, FILL, REBUILD, RECORD_LOSS, RELEASE, RENEW, RESERVE } from './scripts.js';

/** The eight keys every script gets, in order (scripts.ts says what each holds). */
export const BUDGET_KEYS = ['book', 'expo', 'share', 'res', 'exp', 'seen', 'gc', 'pnl'] as const;

type Arg = string | number;
type Reply<T> = (...keysThenArgs: Arg[]) => Promise<T>;

/** The scripts as commands of one connection (EVALSHA, falling back to EVAL the first time). */
export interface BudgetCommands {
  arbiterBudgetReserve: Reply<string[]>;
  arbiterBudgetRelease: Reply<string[]>;
  arbiterBudgetFill: Reply<string[]>;
  arbiterBudgetRecordLoss: Reply<string[]>;
  arbiterBudgetRenew: Reply<number>;
  arbiterBudgetExpire: Reply<string[]>;
  arbiterBudgetRebuild: Reply<string>;
}

const SCRIPTS: Record<keyof BudgetCommands, string> = {
  arbiterBudgetReserve: RESERVE,
  arbiterBudgetRelease: RELEASE,
  arbiterBudgetFill: FILL,
  arbiterBudgetRecordLoss: RECORD_LOSS,
  arbiterBudgetRenew: RENEW,
  arbiterBudgetExpire: EXPIRE,
  arbiterBudgetRebuild: REBUILD,
};

/** Defines the budget's commands on `redis` (again is harmless) and returns it typed with them. */
export function budgetCommands(redis: Redis): BudgetCommands {
  for (const [name, lua] of Object.entries(SCRIPTS)) redis.defineCommand(name, { lua, numberOfKeys: BUDGET_KEYS.length });
  return redis as unknown as BudgetCommands;
}
