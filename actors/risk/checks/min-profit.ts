import { pct } from '../format.js';
import { deny, pass, type Check } from './check.js';

/** Intents that state an expected profit (arbitrage) must expect at least minExpectedProfit. */
export const minProfit: Check = ({ intent, limits, amount }) => {
  if (intent.kind !== 'open' || intent.expectedProfit === undefined) return pass(amount);
  if (intent.expectedProfit < limits.minExpectedProfit) {
    return deny('MIN_PROFIT', `${intent.symbol} expected profit ${pct(intent.expectedProfit)}, min ${pct(limits.minExpectedProfit)}`);
  }
  return pass(amount);
};
