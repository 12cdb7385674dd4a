import type { SensitivityOutcome } from '../venues/replay/sensitivity.js';
import { strategyPnl, type BacktestResult } from './summarize.js';

/** Headline numbers of a run, for the fill-model sensitivity table. */
export function outcomeOf(r: BacktestResult): SensitivityOutcome {
  const end = r.combined.equity.at(-1) ?? r.combined.capital;
  return {
    pnl: end - r.combined.capital,
    totalReturn: r.combined.metrics.totalReturn,
    sharpe: r.combined.metrics.sharpe,
    maxDrawdown: r.combined.metrics.maxDrawdown,
    trades: r.trades.length,
    fees: r.trades.reduce((a, t) => a + t.fees, 0),
  };
}

/** The JSON the CLI prints: trades, open positions, headline metrics, per-strategy metrics when there are several. */
export function resultJson(r: BacktestResult, wallSeconds: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    trades: r.trades.map((t) => ({ entryTime: t.entryTime, entryPrice: t.entryPrice, exitTime: t.exitTime, exitPrice: t.exitPrice, qty: t.qty, pnl: t.pnl, ...(t.side === 'short' ? { side: t.side } : {}), ...(r.strategies.length > 1 ? { strategy: t.strategy } : {}) })),
    open: r.open,
    metrics: r.combined.metrics,
    strategies: r.strategies.length > 1 ? r.strategies.map((s) => ({ name: s.name, symbol: s.symbol, capital: s.capital, trades: s.trades.length, metrics: s.metrics })) : undefined,
    choices: r.strategies.some((s) => s.choices) ? r.strategies.flatMap((s) => (s.choices ? [{ ...s.choices, pnlOwn: strategyPnl(s) }] : [])) : undefined,
    gaps: r.strategies.flatMap((s) => s.gaps.map((g) => ({ symbol: s.symbol, ...g }))).filter((g, i, all) => all.findIndex((x) => x.symbol === g.symbol && x.afterTs === g.afterTs) === i),
    fillModel: r.model.name,
    capital: r.combined.capital,
    equityEnd: r.combined.equity.at(-1) ?? r.combined.capital,
    bars: r.bars,
    wallSeconds,
    ...extra,
  };
}
