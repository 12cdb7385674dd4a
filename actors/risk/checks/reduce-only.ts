import { pendingOf, positionQty, strategyKey } from '../risk-view.js';
import { baseOf, fmt } from '../format.js';
import { deny, pass, type Check } from './check.js';

/**
 * A reduce intent must trade against the position; one that would flip it (counting reduce orders
 * already in flight) is clipped to what is left to reduce, or denied when nothing is. When risk keeps
 * positions per owner, the position is the intent's leg group's (a hedge unwinds what its group filled)
 * or else its strategy's, whatever others hold on the same symbol.
 */
export const reduceOnly: Check = ({ intent, view, amount }) => {
  if (intent.kind !== 'reduce') return pass(amount);
  const key = strategyKey(intent.legGroup ?? intent.strategy, intent.symbol);
  const own = view.strategyPositions !== undefined;
  const qty = own ? view.strategyPositions![key] ?? 0 : positionQty(view, intent.symbol);
  const pendingReduce = own ? view.strategyPendingReduce?.[key] ?? 0 : pendingOf(view, intent.symbol).reduce;
  const base = baseOf(intent.symbol);
  if (qty === 0) return deny('REDUCE_ONLY', `reduce ${intent.side} ${intent.symbol}: ${own ? `${intent.legGroup ? `leg group ${intent.legGroup}` : `strategy ${intent.strategy}`} holds` : 'there is'} no position to reduce`);
  const reduces = (qty > 0 && intent.side === 'sell') || (qty < 0 && intent.side === 'buy');
  if (!reduces) {
    return deny('REDUCE_ONLY', `reduce ${intent.side} ${fmt(amount, 8)} ${base} would add to the ${qty > 0 ? 'long' : 'short'} ${fmt(Math.abs(qty), 8)} ${base} position`);
  }
  const left = Math.abs(qty) - pendingReduce;
  if (left <= 1e-12) {
    return deny('REDUCE_ONLY', `reduce ${intent.side} ${intent.symbol}: the ${fmt(Math.abs(qty), 8)} ${base} position is already covered by pending reduce orders`);
  }
  return pass(Math.min(amount, left));
};
