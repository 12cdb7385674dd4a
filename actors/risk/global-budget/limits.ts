import type { Config } from '../../../config/index.js';

/** The cluster section: limits, TTLs, node id and key prefix of the global budget. */
export type BudgetConfig = Config['cluster'];

/** The cluster-wide cap on |net position| of `symbol`, quote currency. */
export function positionLimitFor(config: BudgetConfig, symbol: string): number {
  return config.globalMaxPositionNotionalBySymbol[symbol] ?? config.globalMaxPositionNotional;
}
