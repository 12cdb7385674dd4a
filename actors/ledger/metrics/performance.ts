import { InputError } from '../../runtime/errors.js';
import { equityFromReturns, maxDrawdown } from './equity.js';
import { downsideDeviation, finiteOrNull, mean, sampleStd, sum } from './stats.js';

/** One metrics shape for backtest, paper and live. Undefined values (no variance, no losses, …) are null. */
export interface PerformanceMetrics {
  totalReturn: number;
  cagr: number | null;
  annualVolatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  /** Peak-to-trough, negative fraction (0 when equity never fell below a peak). */
  maxDrawdown: number;
  calmar: number | null;
  /** Winning trades / trades; without trades, positive periods / periods. */
  winRate: number | null;
  /** Gross profit / gross loss (trades, else periods); null when nothing was lost. */
  profitFactor: number | null;
  /** Mean P&L per trade in quote currency; without trades, mean return per period. */
  expectancy: number | null;
  /** Fraction of periods holding a position; without positions given, fraction of non-zero periods. */
  exposure: number | null;
  /** Traded notional / mean equity over the run; null when unknown (returns only). */
  turnover: number | null;
  periods: number;
  periodsPerYear: number;
}

export interface MetricsInput {
  returns: readonly number[];
  periodsPerYear: number;
  /** Annual risk-free rate; 0 unless set. Applied per period as riskFree / periodsPerYear. */
  riskFree?: number;
  /** Closed trades' P&L; when given, win rate, profit factor and expectancy are per trade. */
  tradePnls?: readonly number[];
  exposure?: number;
  turnover?: number;
}

export function computeMetrics(input: MetricsInput): PerformanceMetrics {
  const { returns, periodsPerYear } = input;
  if (!(periodsPerYear > 0) || !Number.isFinite(periodsPerYear)) {
    throw new InputError(`periodsPerYear must be a positive number, got ${periodsPerYear}`);
  }
  returns.forEach((r, i) => {
    if (!Number.isFinite(r) || r < -1) throw new InputError(`returns[${i}] must be a finite number ≥ -1, got ${r}`);
  });
  const n = returns.length;
  const rfPerPeriod = (input.riskFree ?? 0) / periodsPerYear;
  const excess = returns.map((r) => r - rfPerPeriod);

  const equity = equityFromReturns(returns, 1);
  const final = n === 0 ? 1 : equity[n - 1]!;
  const totalReturn = final - 1;
  const cagr = n === 0 ? NaN : final <= 0 ? -1 : final ** (periodsPerYear / n) - 1;
  const std = sampleStd(returns);
  const excessStd = sampleStd(excess);
  const sharpe = excessStd > 0 ? (mean(excess) / excessStd) * Math.sqrt(periodsPerYear) : NaN;
  const dd = downsideDeviation(excess, 0);
  const sortino = dd > 0 ? (mean(excess) / dd) * Math.sqrt(periodsPerYear) : NaN;
  const mdd = maxDrawdown(equity, 1);
  const calmar = mdd < 0 ? cagr / Math.abs(mdd) : NaN;

  const outcomes = input.tradePnls ?? returns;
  const wins = outcomes.filter((x) => x > 0);
  const losses = outcomes.filter((x) => x < 0);
  const grossLoss = -sum(losses);
  const winRate = outcomes.length === 0 ? NaN : wins.length / outcomes.length;
  const profitFactor = grossLoss > 0 ? sum(wins) / grossLoss : NaN;
  const expectancy = mean(outcomes);
  const exposure = input.exposure ?? (n === 0 ? NaN : returns.filter((r) => r !== 0).length / n);

  return {
    totalReturn,
    cagr: finiteOrNull(cagr),
    annualVolatility: finiteOrNull(std * Math.sqrt(periodsPerYear)),
    sharpe: finiteOrNull(sharpe),
    sortino: finiteOrNull(sortino),
    maxDrawdown: mdd,
    calmar: finiteOrNull(calmar),
    winRate: finiteOrNull(winRate),
    profitFactor: finiteOrNull(profitFactor),
    expectancy: finiteOrNull(expectancy),
    exposure: finiteOrNull(exposure),
    turnover: input.turnover === undefined ? null : finiteOrNull(input.turnover),
    periods: n,
    periodsPerYear,
  };
}
