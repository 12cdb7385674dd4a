import type { LpBacktestResult } from '../run-lp-backtest.js';
import { usd } from './usd.js';

/** Which of the strategy, the passive position and holding did best on the day, read from their P&L (ties to the cent named as ties). */
export function lpVerdict(r: Pick<LpBacktestResult, 'strategy' | 'pnlUsd' | 'baselines'>): string {
  const { passive, hold } = r.baselines;
  if (!passive || !hold) return `${r.strategy} opened no position that day, so there is nothing to compare: its P&L is ${usd(r.pnlUsd)}.`;
  const all = [
    { name: r.strategy, pnl: r.pnlUsd },
    { name: 'the passive position', pnl: passive.pnlUsd },
    { name: 'holding the first deposit', pnl: hold.pnlUsd },
  ].sort((a, b) => b.pnl - a.pnl);
  const cents = (v: number) => Math.round(v * 100);
  const best = all.filter((c) => cents(c.pnl) === cents(all[0]!.pnl));
  const rest = all.slice(best.length).map((c) => `${c.name} ${usd(c.pnl)}`);
  const head = best.length === 1 ? `${best[0]!.name} did best` : `${best.map((c) => c.name).join(' and ')} tied for best`;
  return `On this day ${head}: ${usd(all[0]!.pnl)}${rest.length ? `, against ${rest.join(' and ')}` : ''}. One recorded day: not a forecast.`;
}
