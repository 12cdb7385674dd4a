import { positionQty } from '../risk-view.js';
import { baseOf, fmt, pct, quoteOf } from '../format.js';
import { deny, pass, type Check } from './check.js';

/** Resulting |position| × intent price must stay within maxPositionFraction of capital. */
export const positionLimit: Check = ({ intent, view, limits, amount }) => {
  if (intent.kind !== 'open') return pass(amount);
  const signed = intent.side === 'buy' ? amount : -amount;
  const after = Math.abs(positionQty(view, intent.symbol) + signed);
  const notional = after * intent.price;
  const max = limits.maxPositionFraction * view.capital;
  if (notional > max) {
    return deny('POSITION_LIMIT', `${intent.symbol} position would be ${fmt(after, 8)} ${baseOf(intent.symbol)} = ${fmt(notional)} ${quoteOf(intent.symbol)} = ${pct(view.capital > 0 ? notional / view.capital : Infinity)} of capital, max ${pct(limits.maxPositionFraction)}`);
  }
  return pass(amount);
};
