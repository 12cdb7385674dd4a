import { fmt, pct } from '../format.js';
import { deny, pass, type Check } from './check.js';

/** Once the day's loss reaches the limit, no new exposure (the machine also trips HALTED). */
export const dailyLoss: Check = ({ intent, view, limits, amount }) => {
  if (intent.kind !== 'open') return pass(amount);
  const limit = limits.maxDailyLossFraction * view.dayStartEquity;
  if (view.dailyPnl <= -limit) {
    return deny('DAILY_LOSS_LIMIT', `daily P&L ${fmt(view.dailyPnl)} = ${pct(view.dailyPnl / view.dayStartEquity)} of day-start equity ${fmt(view.dayStartEquity)}, max loss ${pct(limits.maxDailyLossFraction)}`);
  }
  return pass(amount);
};
