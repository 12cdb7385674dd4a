import type { LocalExchange } from '../../actors/venues/local-exchange/server.js';
import type { VenueOrder } from '../../actors/venues/venue.js';
import type { VenueLog } from '../cluster/compare-with-venues.js';

const STATUS: Record<string, VenueOrder['status']> = { NEW: 'open', PARTIALLY_FILLED: 'open', FILLED: 'closed', CANCELED: 'canceled', EXPIRED: 'canceled', REJECTED: 'rejected' };

/** A fill as the venue recorded it, in time order, for judging limits on what was filled. */
export interface VenueFill {
  venue: string;
  symbol: string;
  side: 'buy' | 'sell';
  amount: number;
  price: number;
  ts: number;
  clientOrderId: string;
}

/**
 * A local exchange's own records of one account, as the ccxt client would report them: every order under its client
 * order id, and its trades under the fill ids the client gives them (`<venue>:<BASE/QUOTE>:<trade id>`).
 */
export function exchangeLog(venue: string, ex: LocalExchange, apiKey: string): { log: VenueLog; fills: VenueFill[] } {
  const fills: VenueFill[] = [];
  const orders: VenueOrder[] = ex.state.ordersOf(apiKey).map((o) => {
    const m = ex.state.market(o.symbol);
    const symbol = `${m.base}/${m.quote}`;
    const side = o.side === 'BUY' ? 'buy' : 'sell';
    const trades = ex.state.tradesOf(apiKey, o.symbol).filter((t) => t.orderId === o.orderId);
    for (const t of trades) fills.push({ venue, symbol, side, amount: t.qty, price: t.price, ts: t.time, clientOrderId: o.clientOrderId });
    return {
      clientOrderId: o.clientOrderId, venueOrderId: String(o.orderId), symbol, side, status: STATUS[o.status] ?? 'open', amount: o.origQty, filled: o.executedQty,
      fills: trades.map((t) => ({
        fillId: `${venue}:${symbol}:${t.id}`, clientOrderId: o.clientOrderId, venue, symbol, side, price: t.price, amount: t.qty,
        fee: t.commission, liquidity: t.isMaker ? 'maker' : 'taker', ts: t.time,
      })),
    };
  });
  return { log: { node: venue, orders }, fills };
}
