import { computeMetrics, type PerformanceMetrics } from '../ledger/metrics/performance.js';
import { returnsFromEquity } from '../ledger/metrics/equity.js';
import { inferPeriodsPerYear } from '../ledger/metrics/periods.js';
import { mean } from '../ledger/metrics/stats.js';
import type { CandleGap } from '../market-data/candles/gaps.js';
import type { FillModel } from '../venues/replay/fill-model.js';
import type { TimelineStep } from './timeline.js';
import type { OpenPosition, Trade, TradeBook } from './trade-book.js';
import { compareChoices, type ChoiceComparison } from '../strategies/quantum-portfolio/compare-choices.js';
import type { RebalanceMessage } from '../strategies/quantum-portfolio/messages.js';
import { marketsOf } from './markets-of.js';

export interface StrategyResult {
  name: string;
  /** Its market, or a multi-market strategy's markets joined by commas. */
  symbol: string;
  capital: number;
  trades: Trade[];
  open: OpenPosition[];
  metrics: PerformanceMetrics;
  /** Equity at each step's close, aligned with BacktestResult.timestamps. */
  equity: number[];
  /** A multi-market strategy's gaps name their market. */
  gaps: (CandleGap & { symbol?: string })[];
  /** A quantum-portfolio strategy's rebalances: QAOA beside the exact optimum, and their P&L beside equal weight. */
  choices?: ChoiceComparison;
}

/** A strategy's P&L over the run: its last equity less its capital. */
export const strategyPnl = (s: Pick<StrategyResult, 'equity' | 'capital'>) => (s.equity.at(-1) ?? s.capital) - s.capital;

export interface BacktestResult {
  model: FillModel;
  /** Open time of each replay step's bars, epoch ms; equity is marked at that bar's close. */
  timestamps: number[];
  strategies: StrategyResult[];
  combined: { capital: number; equity: number[]; metrics: PerformanceMetrics };
  trades: Trade[];
  open: OpenPosition[];
  bars: number;
  /** Messages handed to actors (machines) in the run: the unit the runtime pays for. */
  messagesDelivered: number;
  /** intents, fills and order updates in order, one JSON object per line: same input → same bytes. */
  journal: string[];
}

type Series = { symbol: string; gaps: CandleGap[]; candles: ReadonlyArray<{ close: number }> };

interface SummaryInput {
  strategies: ReadonlyArray<{ name: string; capital: number; series: Series; markets?: readonly Series[] }>;
  steps: readonly TimelineStep[];
  book: TradeBook;
  equity: Map<string, number[]>;
  inPosition: Map<string, number>;
  journal: string[];
  rebalances?: readonly RebalanceMessage[];
  messagesDelivered: number;
  model: FillModel;
  periodsPerYear?: number;
  riskFree?: number;
}

function metricsFor(equity: number[], capital: number, ppy: number, riskFree: number | undefined, trades: Trade[] | undefined, exposure: number, traded: number): PerformanceMetrics {
  return computeMetrics({
    returns: returnsFromEquity(equity, capital),
    periodsPerYear: ppy,
    riskFree,
    tradePnls: trades?.map((t) => t.pnl),
    exposure,
    turnover: traded / mean([capital, ...equity]),
  });
}

export function summarize(input: SummaryInput): BacktestResult {
  const { steps, book } = input;
  const timestamps = steps.map((s) => s.ts);
  const ppy = input.periodsPerYear ?? inferPeriodsPerYear(timestamps);
  const open = book.openPositions();
  const n = steps.length;
  const strategies: StrategyResult[] = input.strategies.map((s) => {
    const trades = book.trades.filter((t) => t.strategy === s.name);
    const equity = input.equity.get(s.name)!;
    const markets = marketsOf(s);
    const own = (input.rebalances ?? []).filter((r) => r.strategy === s.name);
    const choices = compareChoices(own, markets.map((m) => m.candles.at(-1)?.close ?? NaN), s.capital, input.model.takerFee);
    return {
      name: s.name,
      symbol: markets.map((m) => m.symbol).join(','),
      capital: s.capital,
      trades,
      open: open.filter((p) => p.strategy === s.name),
      metrics: metricsFor(equity, s.capital, ppy, input.riskFree, trades, input.inPosition.get(s.name)! / n, book.tradedNotional(s.name)),
      equity,
      gaps: s.markets ? markets.flatMap((m) => m.gaps.map((g) => ({ ...g, symbol: m.symbol }))) : s.series.gaps,
      ...(choices ? { choices } : {}),
    };
  });
  const capital = strategies.reduce((a, s) => a + s.capital, 0);
  const combinedEquity = timestamps.map((_, k) => strategies.reduce((a, s) => a + s.equity[k]!, 0));
  // capital-weighted share of time in the market
  const exposure = strategies.reduce((a, s) => a + (s.metrics.exposure ?? 0) * s.capital, 0) / capital;
  const traded = input.strategies.reduce((a, s) => a + book.tradedNotional(s.name), 0);
  return {
    model: input.model,
    timestamps,
    strategies,
    combined: { capital, equity: combinedEquity, metrics: metricsFor(combinedEquity, capital, ppy, input.riskFree, book.trades, exposure, traded) },
    trades: book.trades,
    open,
    bars: [...new Set(input.strategies.flatMap(marketsOf))].reduce((a, s) => a + s.candles.length, 0),
    messagesDelivered: input.messagesDelivered,
    journal: input.journal,
  };
}
