import type { CandleSeries } from '../../market-data/candles/load-candles.js';
import type { PerformanceMetrics } from '../../ledger/metrics/performance.js';
import { fillModel, type FillModelName } from '../../venues/replay/fill-model.js';
import { buildStrategies, singleStrategyPlan } from '../plan.js';
import type { HostKind } from '../replay-target.js';
import { RISK_PROFILES, type RiskProfile } from '../risk-profiles.js';
import { runBacktest } from '../run-backtest.js';

/** What every run of a sweep shares: the backtest command's options other than the swept parameters. */
export interface SweepSetup {
  strategy: string;
  data: string[];
  fee: number;
  capital: number;
  fillModel: FillModelName;
  host: HostKind;
  risk: RiskProfile;
  periodsPerYear?: number;
  riskFree: number;
}

export interface CombinationResult {
  metrics: PerformanceMetrics;
  trades: number;
}

/** One backtest of `params` (already validated) over series `load` hands out, as `arbiter backtest` runs it alone. */
export async function runCombination(setup: SweepSetup, params: Record<string, unknown>, load: (file: string) => CandleSeries): Promise<CombinationResult> {
  const instances = singleStrategyPlan(setup.strategy, setup.data, params);
  const { strategies } = buildStrategies(instances, setup.capital, 'replay', setup.fee, load, setup.host !== 'direct');
  const result = await runBacktest({
    strategies,
    model: fillModel(setup.fillModel, setup.fee),
    venueId: 'replay',
    host: setup.host,
    riskLimits: RISK_PROFILES[setup.risk],
    periodsPerYear: setup.periodsPerYear,
    riskFree: setup.riskFree,
  });
  return { metrics: result.combined.metrics, trades: result.trades.length };
}
