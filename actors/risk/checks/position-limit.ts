import { pendingOf, positionQty } from '../risk-view.js';
import { baseOf, fmt, pct, quoteOf } from '../format.js';
import { deny, pass, type Check } from './check.js';

/**
 * The worst-case position in the order's direction (position + pending opens that way + this order),
 * × intent price, must stay within maxPositionFraction of capital.
 */
export const positionLimit: Check = ({ intent, view, limits, amount }) => {
  if (intent.kind !== 'open') return pass(amount);
  const pending = pendingOf(view, intent.symbol);
  const qty = positionQty(view, intent.symbol);
  const after = Math.abs(intent.side === 'buy' ? qty + pending.openBuy + amount : qty - pending.openSell - amount);
  const notional = after * intent.price;
  const max = limits.maxPositionFraction * view.capital;
  if (notional > max) {
    return deny('POSITION_LIMIT', `${intent.symbol} position would be ${fmt(after, 8)} ${baseOf(intent.symbol)} = ${fmt(notional)} ${quoteOf(intent.symbol)} = ${pct(view.capital > 0 ? notional / view.capital : Infinity)} of capital, max ${pct(limits.maxPositionFraction)}`);
  }
  return pass(amount);
};
