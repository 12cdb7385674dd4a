import type { Fill } from './types.js';

export interface Holding {
  /** Signed base amount. */
  qty: number;
  avgPrice: number;
}

/** One strategy's book: realized P&L, fees paid, holdings by symbol. Plain data, so it lives in a snapshot. */
export interface StrategyAccount {
  realized: number;
  fees: number;
  holdings: Record<string, Holding>;
  fills: number;
  /** Quote-currency value traded. */
  turnover: number;
}

export function emptyAccount(): StrategyAccount {
  return { realized: 0, fees: 0, holdings: {}, fills: 0, turnover: 0 };
}

/** Average-cost accounting: a fill that reduces a holding realizes (price − avg) × closed qty. */
export function applyFillToAccount(account: StrategyAccount, fill: Fill): StrategyAccount {
  const held = account.holdings[fill.symbol] ?? { qty: 0, avgPrice: 0 };
  const signed = fill.side === 'buy' ? fill.amount : -fill.amount;
  const closing = held.qty !== 0 && Math.sign(signed) !== Math.sign(held.qty) ? Math.min(Math.abs(signed), Math.abs(held.qty)) : 0;
  const realized = closing * (fill.price - held.avgPrice) * Math.sign(held.qty);
  const qty = held.qty + signed;
  let avgPrice: number;
  if (qty === 0) avgPrice = 0;
  else if (closing === 0) avgPrice = (held.avgPrice * Math.abs(held.qty) + fill.price * Math.abs(signed)) / Math.abs(qty);
  else if (Math.abs(signed) > closing) avgPrice = fill.price;
  else avgPrice = held.avgPrice;
  return {
    realized: account.realized + realized,
    fees: account.fees + fill.fee,
    holdings: { ...account.holdings, [fill.symbol]: { qty, avgPrice } },
    fills: account.fills + 1,
    turnover: account.turnover + fill.amount * fill.price,
  };
}

export function unrealized(account: StrategyAccount, marks: Record<string, number>): number {
  let total = 0;
  for (const [symbol, h] of Object.entries(account.holdings)) {
    const mark = marks[symbol];
    if (mark !== undefined && h.qty !== 0) total += (mark - h.avgPrice) * h.qty;
  }
  return total;
}

/** Net P&L of one account at the marks: realized + unrealized − fees. */
export function netPnl(account: StrategyAccount, marks: Record<string, number>): number {
  return account.realized + unrealized(account, marks) - account.fees;
}
