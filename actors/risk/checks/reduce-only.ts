import { pendingOf, positionQty } from '../risk-view.js';
import { baseOf, fmt } from '../format.js';
import { deny, pass, type Check } from './check.js';

/**
 * A reduce intent must trade against the position; one that would flip it (counting reduce orders
 * already in flight) is clipped to what is left to reduce, or denied when nothing is.
 */
export const reduceOnly: Check = ({ intent, view, amount }) => {
  if (intent.kind !== 'reduce') return pass(amount);
  const qty = positionQty(view, intent.symbol);
  const base = baseOf(intent.symbol);
  if (qty === 0) return deny('REDUCE_ONLY', `reduce ${intent.side} ${intent.symbol}: no position to reduce`);
  const reduces = (qty > 0 && intent.side === 'sell') || (qty < 0 && intent.side === 'buy');
  if (!reduces) {
    return deny('REDUCE_ONLY', `reduce ${intent.side} ${fmt(amount, 8)} ${base} would add to the ${qty > 0 ? 'long' : 'short'} ${fmt(Math.abs(qty), 8)} ${base} position`);
  }
  const left = Math.abs(qty) - pendingOf(view, intent.symbol).reduce;
  if (left <= 1e-12) {
    return deny('REDUCE_ONLY', `reduce ${intent.side} ${intent.symbol}: the ${fmt(Math.abs(qty), 8)} ${base} position is already covered by pending reduce orders`);
  }
  return pass(Math.min(amount, left));
};
