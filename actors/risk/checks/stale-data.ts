import { feedOf, lastDataTs } from '../risk-view.js';
import { fmt } from '../format.js';
import { deny, pass, type Check } from './check.js';

/**
 * Trading on stale (or absent) market data is vetoed; cancels always pass. A market whose connection
 * reported market.stale is vetoed until market.live; one reported live is fresh whatever its book's
 * age (its connection watches for silence); any other market is judged on the age of its last data.
 */
export const staleData: Check = ({ intent, view, limits, now, amount }) => {
  if (intent.kind === 'cancel') return pass(amount);
  const feed = feedOf(view, intent.venue, intent.symbol);
  if (feed?.state === 'stale') {
    return deny('STALE_MARKET_DATA', `${intent.symbol} on ${intent.venue}: the connection reports the market stale (last update at ${new Date(feed.since).toISOString()}); trading resumes on market.live`);
  }
  if (feed?.state === 'live') return pass(amount);
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
