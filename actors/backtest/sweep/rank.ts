import type { PerformanceMetrics } from '../../ledger/metrics/performance.js';

/**
 * The metrics a sweep can rank by, and which way is better. Drawdowns are negative fractions, so the highest
 * maxDrawdown is the shallowest. `periods` and `periodsPerYear` are the same for every run and rank nothing.
 */
export const RANK_METRICS = {
  sharpe: 'higher',
  sortino: 'higher',
  totalReturn: 'higher',
  cagr: 'higher',
  calmar: 'higher',
  maxDrawdown: 'higher',
  winRate: 'higher',
  profitFactor: 'higher',
  expectancy: 'higher',
  annualVolatility: 'lower',
  exposure: 'lower',
  turnover: 'lower',
} as const satisfies Partial<Record<keyof PerformanceMetrics, 'higher' | 'lower'>>;

export type RankMetric = keyof typeof RANK_METRICS;

export const RANK_METRIC_NAMES = Object.keys(RANK_METRICS) as RankMetric[];

/** `maxDrawdown: higher (shallower) is better`-style help, one entry per metric. */
export function describeRanking(metric: RankMetric): string {
  if (metric === 'maxDrawdown') return 'maxDrawdown (negative: the shallowest, closest to 0, is best)';
  return `${metric} (${RANK_METRICS[metric]} is better)`;
}

/**
 * The index of the best run by `metric`; a null value (an undefined ratio: no variance, no losses) ranks last,
 * ties go to the earlier run in grid order. Undefined when no run has a value.
 */
export function bestIndex(runs: ReadonlyArray<{ metrics: PerformanceMetrics }>, metric: RankMetric): number | undefined {
  const sign = RANK_METRICS[metric] === 'higher' ? 1 : -1;
  let best: number | undefined;
  runs.forEach((run, i) => {
    const v = run.metrics[metric];
    if (v === null || v === undefined) return;
    if (best === undefined || sign * v > sign * runs[best]!.metrics[metric]!) best = i;
  });
  return best;
}
