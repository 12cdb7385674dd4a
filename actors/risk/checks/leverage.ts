import { grossExposure, positionQty } from '../risk-view.js';
import { fmt } from '../format.js';
import { deny, pass, type Check } from './check.js';

/**
 * Gross exposure after the order (other positions at mark, this symbol's resulting position at the
 * intent price, plus open orders) divided by equity must not exceed maxLeverage.
 */
export const leverage: Check = ({ intent, view, limits, amount }) => {
  if (intent.kind !== 'open') return pass(amount);
  const signed = intent.side === 'buy' ? amount : -amount;
  const after = Math.abs(positionQty(view, intent.symbol) + signed) * intent.price;
  const gross = grossExposure(view, intent.symbol) + after + view.openOrdersNotional;
  if (view.equity <= 0) return deny('LEVERAGE_LIMIT', `equity is ${fmt(view.equity)}: no new exposure allowed`);
  const lev = gross / view.equity;
  if (lev > limits.maxLeverage) {
    return deny('LEVERAGE_LIMIT', `gross exposure would be ${fmt(gross)} on equity ${fmt(view.equity)} = ${fmt(lev)}x, max ${fmt(limits.maxLeverage)}x`);
  }
  return pass(amount);
};
