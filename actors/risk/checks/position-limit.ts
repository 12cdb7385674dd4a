import { pendingOf, positionQty, strategyKey, type RiskView } from '../risk-view.js';
import { baseOf, fmt, pct, quoteOf } from '../format.js';
import { deny, pass, type Check } from './check.js';

/**
 * What other owners (leg groups in flight, other strategies) hold of the symbol on each side: reduce-only orders are
 * not held to the position limit, so each of them may close its own holding, taking the symbol's position the other way.
 */
function othersHolding(view: RiskView, symbol: string, owner: string): { longs: number; shorts: number } {
  const out = { longs: 0, shorts: 0 };
  const suffix = strategyKey('', symbol);
  for (const [key, qty] of Object.entries(view.strategyPositions ?? {})) {
    if (!key.endsWith(suffix) || key === strategyKey(owner, symbol)) continue;
    if (qty > 0) out.longs += qty;
    else out.shorts -= qty;
  }
  return out;
}

/**
 * The price the order may fill at, as far as risk can know: a sell limit below the market fills at the market, and a
 * market order wherever the market is; a buy limit fills at its price or better. An arbitrage leg (it states its
 * expected profit) is priced at the quote it trades against on its own venue, and a flash cycle's on chain, where the
 * symbol's last mark may come from another venue: its price is its bound.
 */
function fillPriceBound(intent: { side: 'buy' | 'sell'; type: 'market' | 'limit'; price: number; expectedProfit?: number }, mark: number | undefined): number {
  if ((intent.side === 'buy' && intent.type === 'limit') || intent.expectedProfit !== undefined) return intent.price;
  return Math.max(intent.price, mark ?? 0);
}

/**
 * The worst-case position in the order's direction (position + pending opens that way + this order, + what other
 * owners could close the other way), × the price it may fill at, must stay within maxPositionFraction of capital.
 */
export const positionLimit: Check = ({ intent, view, limits, amount }) => {
  if (intent.kind !== 'open') return pass(amount);
  const pending = pendingOf(view, intent.symbol);
  const qty = positionQty(view, intent.symbol);
  const others = othersHolding(view, intent.symbol, intent.legGroup ?? intent.strategy);
  const after = Math.abs(intent.side === 'buy' ? qty + pending.openBuy + amount + others.shorts : qty - pending.openSell - amount - others.longs);
  const notional = after * fillPriceBound(intent, view.marks[intent.symbol]);
  const max = limits.maxPositionFraction * view.capital;
  if (notional > max) {
    return deny('POSITION_LIMIT', `${intent.symbol} position would be ${fmt(after, 8)} ${baseOf(intent.symbol)} = ${fmt(notional)} ${quoteOf(intent.symbol)} = ${pct(view.capital > 0 ? notional / view.capital : Infinity)} of capital, max ${pct(limits.maxPositionFraction)}${others.shorts + others.longs > 0 ? ' (counting what other owners may close)' : ''}`);
  }
  return pass(amount);
};
