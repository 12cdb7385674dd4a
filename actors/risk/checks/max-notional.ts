import { maxNotionalFor } from '../limits.js';
import { baseOf, fmt, quoteOf } from '../format.js';
import { deny, pass, type Check } from './check.js';

/** One order may not exceed the (per-symbol) max notional. */
export const maxNotional: Check = ({ intent, limits, amount }) => {
  if (intent.kind === 'cancel') return pass(amount);
  const notional = amount * intent.price;
  const max = maxNotionalFor(limits, intent.symbol);
  if (notional > max) {
    return deny('MAX_NOTIONAL', `${intent.symbol} order ${fmt(amount, 8)} ${baseOf(intent.symbol)} × ${fmt(intent.price)} = ${fmt(notional)} ${quoteOf(intent.symbol)}, max ${fmt(max)} per order`);
  }
  return pass(amount);
};
