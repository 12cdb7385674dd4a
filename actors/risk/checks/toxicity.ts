import { pendingOf, positionQty, toxicityOf } from '../risk-view.js';
import { baseOf, fmt } from '../format.js';
import { clip, pass, type Check } from './check.js';

/**
 * While a market's order flow is toxic (its latest VPIN, at most toxicityMaxAgeMs old, at or above the toxicPercentile
 * of the market's own history), an open intent
 * keeps only toxicSizeFactor of the exposure it adds: the part that trades against the position (less the orders
 * already in flight against it) is kept whole. Reduce intents and cancels pass, and so do the legs of a multi-leg
 * trade (a leg group): its legs offset each other, and clipping one would leave the others unhedged.
 */
export const toxicity: Check = ({ intent, view, limits, now, amount }) => {
  if (intent.kind !== 'open' || intent.legGroup !== undefined || limits.toxicPercentile >= 1 || limits.toxicSizeFactor >= 1) return pass(amount);
  const toxic = toxicityOf(view, intent.venue, intent.symbol, now, limits.toxicityMaxAgeMs);
  if (toxic === undefined || toxic.percentile < limits.toxicPercentile) return pass(amount);
  const qty = positionQty(view, intent.symbol);
  const pending = pendingOf(view, intent.symbol);
  const against = intent.side === 'buy' ? -qty - pending.openBuy : qty - pending.openSell;
  const reduces = Math.min(amount, Math.max(0, against - pending.reduce));
  const kept = reduces + (amount - reduces) * limits.toxicSizeFactor;
  if (kept >= amount) return pass(amount);
  const base = baseOf(intent.symbol);
  return clip(kept, `TOXIC_FLOW: ${intent.symbol} on ${intent.venue} VPIN ${fmt(toxic.vpin, 3)} at percentile ${fmt(toxic.percentile, 3)} ≥ ${fmt(limits.toxicPercentile, 3)} (${fmt(now - toxic.ts, 0)} ms old): ${intent.side} ${fmt(amount, 8)} → ${fmt(kept, 8)} ${base} (${fmt(limits.toxicSizeFactor, 3)} × the ${fmt(amount - reduces, 8)} ${base} it adds)`);
};
