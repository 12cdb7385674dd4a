import type { EngineOrder, Match } from './matching-engine.js';
import { BinanceReject, type ExchangeState } from './exchange-state.js';
import { klines } from './klines.js';

/** Binance prints every decimal as a string with 8 places. */
const s8 = (x: number): string => x.toFixed(8);

export function orderJson(o: EngineOrder): Record<string, unknown> {
  return {
    symbol: o.symbol,
    orderId: o.orderId,
    orderListId: -1,
    clientOrderId: o.clientOrderId,
    price: s8(o.price),
    origQty: s8(o.origQty),
    executedQty: s8(o.executedQty),
    cummulativeQuoteQty: s8(o.cummulativeQuoteQty),
    status: o.status,
    timeInForce: o.timeInForce,
    type: o.type,
    side: o.side,
    stopPrice: '0.00000000',
    icebergQty: '0.00000000',
    time: o.time,
    updateTime: o.updateTime,
    isWorking: true,
    workingTime: o.time,
    origQuoteOrderQty: '0.00000000',
    selfTradePreventionMode: 'EXPIRE_MAKER',
  };
}

/** The FULL response of POST /api/v3/order. */
function newOrderJson(o: EngineOrder, matches: Match[], state: ExchangeState): Record<string, unknown> {
  const m = state.market(o.symbol);
  const fee = state.takerFee;
  return {
    symbol: o.symbol,
    orderId: o.orderId,
    orderListId: -1,
    clientOrderId: o.clientOrderId,
    transactTime: o.updateTime,
    price: s8(o.price),
    origQty: s8(o.origQty),
    executedQty: s8(o.executedQty),
    origQuoteOrderQty: '0.00000000',
    cummulativeQuoteQty: s8(o.cummulativeQuoteQty),
    status: o.status,
    timeInForce: o.timeInForce,
    type: o.type,
    side: o.side,
    workingTime: o.time,
    fills: matches.map((x) => ({
      price: s8(x.price),
      qty: s8(x.qty),
      commission: s8(o.side === 'BUY' ? x.qty * fee : x.qty * x.price * fee),
      commissionAsset: o.side === 'BUY' ? m.base : m.quote,
      tradeId: x.tradeId,
    })),
    selfTradePreventionMode: 'EXPIRE_MAKER',
  };
}

function need(params: URLSearchParams, name: string): string {
  const v = params.get(name);
  if (v === null || v === '') throw new BinanceReject(400, -1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);
  return v;
}

function numberParam(params: URLSearchParams, name: string): number {
  const n = Number(need(params, name));
  if (!Number.isFinite(n)) throw new BinanceReject(400, -1100, `Illegal characters found in parameter '${name}'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.`);
  return n;
}

function orderRef(params: URLSearchParams): [number | undefined, string | undefined] {
  const id = params.get('orderId');
  const cid = params.get('origClientOrderId');
  if (id === null && cid === null) throw new BinanceReject(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
  return [id === null ? undefined : Number(id), cid ?? undefined];
}

export type Route = (p: URLSearchParams, apiKey: string) => unknown;

/** Binance spot REST, keyed `METHOD path`. Signed routes get the caller's API key. */
export function binanceRoutes(state: ExchangeState, serverTime: () => number, exchangeInfo: () => unknown): { public: Record<string, Route>; signed: Record<string, Route> } {
  return {
    public: {
      'GET /api/v3/ping': () => ({}),
      'GET /api/v3/time': () => ({ serverTime: serverTime() }),
      'GET /api/v3/exchangeInfo': () => exchangeInfo(),
      'GET /api/v3/depth': (p) => {
        const limit = Math.min(Number(p.get('limit') ?? 100), 5000);
        const d = state.engine(need(p, 'symbol')).depth(limit);
        return { lastUpdateId: d.lastUpdateId, bids: d.bids.map(([a, b]) => [s8(a), s8(b)]), asks: d.asks.map(([a, b]) => [s8(a), s8(b)]) };
      },
      'GET /api/v3/klines': (p) => {
        const optional = (name: string) => (p.get(name) === null ? undefined : numberParam(p, name));
        return klines(state.tape(need(p, 'symbol')), need(p, 'interval'), serverTime(), { startTime: optional('startTime'), endTime: optional('endTime'), limit: optional('limit') });
      },
      'GET /api/v3/ticker/bookTicker': (p) => {
        const d = state.engine(need(p, 'symbol')).depth(1);
        const bid: [number, number] = d.bids[0] ?? [0, 0];
        const ask: [number, number] = d.asks[0] ?? [0, 0];
        return { symbol: p.get('symbol'), bidPrice: s8(bid[0]), bidQty: s8(bid[1]), askPrice: s8(ask[0]), askQty: s8(ask[1]) };
      },
    },
    signed: {
      'GET /api/v3/account': (_p, key) => ({
        makerCommission: Math.round(state.makerFee * 10000), takerCommission: Math.round(state.takerFee * 10000), buyerCommission: 0, sellerCommission: 0,
        commissionRates: { maker: s8(state.makerFee), taker: s8(state.takerFee), buyer: '0.00000000', seller: '0.00000000' },
        canTrade: true, canWithdraw: true, canDeposit: true, brokered: false, requireSelfTradePrevention: false, preventSor: false,
        updateTime: serverTime(), accountType: 'SPOT',
        balances: state.balances(key).map((b) => ({ asset: b.asset, free: s8(b.free), locked: s8(b.locked) })),
        permissions: ['SPOT'], uid: 1,
      }),
      'POST /api/v3/order': (p, key) => {
        const type = need(p, 'type');
        if (type !== 'LIMIT' && type !== 'MARKET') throw new BinanceReject(400, -1116, 'Invalid orderType.');
        const side = need(p, 'side');
        if (side !== 'BUY' && side !== 'SELL') throw new BinanceReject(400, -1117, 'Invalid side.');
        const tif = (p.get('timeInForce') ?? 'GTC') as 'GTC' | 'IOC' | 'FOK';
        if (!['GTC', 'IOC', 'FOK'].includes(tif)) throw new BinanceReject(400, -1115, 'Invalid timeInForce.');
        const clientOrderId = p.get('newClientOrderId') ?? `local-${Math.random().toString(36).slice(2, 12)}`;
        const symbol = need(p, 'symbol');
        // A MARKET order may name its size in quote (quoteOrderQty): convert it on the book as it stands.
        const quantity = type === 'MARKET' && p.get('quantity') === null && p.get('quoteOrderQty') !== null
          ? state.baseForQuote(symbol, side, numberParam(p, 'quoteOrderQty'))
          : numberParam(p, 'quantity');
        const { order, matches } = state.placeOrder(key, {
          symbol, side, type, timeInForce: tif, quantity,
          price: type === 'LIMIT' ? numberParam(p, 'price') : 0, clientOrderId,
        });
        return newOrderJson(order, matches, state);
      },
      'GET /api/v3/order': (p, key) => orderJson(state.findOrder(key, need(p, 'symbol'), ...orderRef(p))),
      'DELETE /api/v3/order': (p, key) => {
        const o = state.cancelOrder(key, need(p, 'symbol'), ...orderRef(p));
        return { ...orderJson(o), origClientOrderId: o.clientOrderId, transactTime: o.updateTime };
      },
      'GET /api/v3/openOrders': (p, key) => state.ordersOf(key, p.get('symbol') ?? undefined, true).map(orderJson),
      'GET /api/v3/allOrders': (p, key) => state.ordersOf(key, need(p, 'symbol')).map(orderJson),
      'GET /api/v3/myTrades': (p, key) =>
        state.tradesOf(key, need(p, 'symbol')).map((t) => ({
          symbol: t.symbol, id: t.id, orderId: t.orderId, orderListId: -1, price: s8(t.price), qty: s8(t.qty), quoteQty: s8(t.quoteQty),
          commission: s8(t.commission), commissionAsset: t.commissionAsset, time: t.time, isBuyer: t.isBuyer, isMaker: t.isMaker, isBestMatch: true,
        })),
    },
  };
}
