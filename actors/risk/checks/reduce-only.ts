import { positionQty } from '../risk-view.js';
import { baseOf, fmt } from '../format.js';
import { deny, pass, type Check } from './check.js';

/** A reduce intent must trade against the position; one that would flip it is clipped to the position size. */
export const reduceOnly: Check = ({ intent, view, amount }) => {
  if (intent.kind !== 'reduce') return pass(amount);
  const qty = positionQty(view, intent.symbol);
  const base = baseOf(intent.symbol);
  if (qty === 0) return deny('REDUCE_ONLY', `reduce ${intent.side} ${intent.symbol}: no position to reduce`);
  const reduces = (qty > 0 && intent.side === 'sell') || (qty < 0 && intent.side === 'buy');
  if (!reduces) {
    return deny('REDUCE_ONLY', `reduce ${intent.side} ${fmt(amount, 8)} ${base} would add to the ${qty > 0 ? 'long' : 'short'} ${fmt(Math.abs(qty), 8)} ${base} position`);
  }
  return pass(Math.min(amount, Math.abs(qty)));
};
