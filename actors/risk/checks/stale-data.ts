import { lastDataTs } from '../risk-view.js';
import { fmt } from '../format.js';
import { deny, pass, type Check } from './check.js';

/** Trading on stale (or absent) market data is vetoed; cancels always pass. */
export const staleData: Check = ({ intent, view, limits, now, amount }) => {
  if (intent.kind === 'cancel') return pass(amount);
  const last = lastDataTs(view, intent.venue, intent.symbol);
  if (last === undefined) {
    return deny('STALE_MARKET_DATA', `no market data yet for ${intent.symbol} on ${intent.venue}; wait for a book or candle`);
  }
  const age = now - last;
  if (age > limits.staleDataMs) {
    return deny('STALE_MARKET_DATA', `${intent.symbol} on ${intent.venue}: last market data ${fmt(age, 0)} ms old, max ${fmt(limits.staleDataMs, 0)} ms`);
  }
  return pass(amount);
};
