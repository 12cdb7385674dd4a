import type { Candle, OrderBook } from '../../market-data/types.js';
import type { Clock } from '../../runtime/clock.js';
import { OrderRejectedError } from '../../runtime/errors.js';
import type { Balance, Venue, VenueOrder, VenueOrderRequest } from '../venue.js';
import { fillLimitOnCandle, fillOnCandle, type CandleFill } from './candle-fill.js';
import { fillOnBook } from './book-walk.js';
import type { FillModel } from './fill-model.js';

type VenueFill = VenueOrder['fills'][number];

interface RestingOrder {
  request: VenueOrderRequest;
  /** Clock time when the order was accepted: the decision time. */
  acceptedTs: number;
  filled: number;
  barsTried: number;
  status: VenueOrder['status'];
  unreported: VenueFill[];
  fillCount: number;
  /** A limit order marketable when accepted (a buy at or over the last close, a sell at or under it). */
  takes: boolean;
}

/** What happened to one order when a bar opened. */
export interface ReplayOrderEvent {
  order: VenueOrder;
  fill?: VenueFill;
}

/**
 * A venue that matches market and limit orders against recorded candles as the replay reaches them.
 * An order accepted at time T can only fill on a bar that opens at or after T (no look-ahead):
 * decided on bar t's close, it fills at the earliest at bar t+1's open, under the fill model.
 */
export class ReplayVenue implements Venue {
  readonly capabilities = { cancelOrder: true, fetchOrderByClientId: true, watchOrderBook: false };
  readonly fees: { maker: number; taker: number };
  private readonly orders = new Map<string, RestingOrder>();
  private readonly open = new Map<string, RestingOrder[]>();
  private readonly lastBar = new Map<string, Candle>();

  /**
   * `books`, when given, returns the recorded book in force at a time (recorded at or before it); market orders
   * then walk that book instead of the candle volume model, and fill partially when its depth runs out.
   */
  constructor(
    readonly id: string,
    private readonly model: FillModel,
    private readonly clock: Clock,
    private readonly books?: (symbol: string, ts: number) => OrderBook | undefined,
  ) {
    this.fees = { maker: model.makerFee, taker: model.takerFee };
  }

  async createOrder(request: VenueOrderRequest): Promise<VenueOrder> {
    return this.accept(request);
  }

  /** Synchronous core of createOrder (the replay driver and the benchmark call it without a promise per order). */
  accept(request: VenueOrderRequest): VenueOrder {
    const known = this.orders.get(request.clientOrderId);
    if (known) return this.view(known, false);
    if (request.type === 'limit' && !(request.price !== undefined && request.price > 0)) throw new OrderRejectedError(`limit order ${request.clientOrderId}: price must be positive, got ${request.price}`);
    if (!(request.amount > 0)) throw new OrderRejectedError(`order ${request.clientOrderId}: amount must be positive, got ${request.amount}`);
    const last = this.lastBar.get(request.symbol)?.close;
    const takes = request.type === 'limit' && last !== undefined && (request.side === 'buy' ? request.price! >= last : request.price! <= last);
    const order: RestingOrder = { request, acceptedTs: this.clock.now(), filled: 0, barsTried: 0, status: 'open', unreported: [], fillCount: 0, takes };
    this.orders.set(request.clientOrderId, order);
    const list = this.open.get(request.symbol) ?? [];
    list.push(order);
    this.open.set(request.symbol, list);
    return this.view(order, false);
  }

  async cancelOrder(clientOrderId: string, symbol: string): Promise<VenueOrder> {
    const order = this.orders.get(clientOrderId);
    if (!order) throw new OrderRejectedError(`order ${clientOrderId} on ${symbol} is unknown to ${this.id}`);
    if (order.status === 'open') {
      order.status = 'canceled';
      this.dropOpen(order);
    }
    return this.view(order, false);
  }

  async fetchOrderByClientId(clientOrderId: string): Promise<VenueOrder | undefined> {
    const order = this.orders.get(clientOrderId);
    return order ? this.view(order, true) : undefined;
  }

  async fetchOrderBook(symbol: string): Promise<OrderBook> {
    return { venue: this.id, symbol, ts: this.clock.now(), bids: [], asks: [] };
  }

  async fetchBalance(): Promise<Record<string, Balance>> {
    return {};
  }

  async close(): Promise<void> {}

  /** Whether any order rests (waits for a bar to fill on). */
  hasResting(): boolean {
    for (const list of this.open.values()) if (list.length > 0) return true;
    return false;
  }

  /** Bar `bar` of `symbol` opens: resting orders accepted no later than its open try to fill on it. */
  openBar(symbol: string, bar: Candle, timeframeMs: number): ReplayOrderEvent[] {
    this.lastBar.set(symbol, bar);
    const list = this.open.get(symbol);
    if (!list || list.length === 0) return [];
    const events: ReplayOrderEvent[] = [];
    for (const order of [...list]) {
      const arrival = order.acceptedTs + this.model.latencyMs;
      if (bar.ts < order.acceptedTs || bar.ts + timeframeMs <= arrival) continue;
      const remaining = order.request.amount - order.filled;
      const at = Math.max(bar.ts, arrival);
      const book = this.books?.(symbol, at);
      if (book && book.ts > at) throw new Error(`book for ${symbol} recorded at ${book.ts} is later than the fill time ${at} (look-ahead)`);
      const limit = order.request.type === 'limit';
      const taken = limit && order.takes && order.barsTried === 0 ? this.takeAtOpen(order.request, remaining, bar, timeframeMs, arrival) : undefined;
      const fill = taken
        ?? (limit
          ? fillLimitOnCandle(this.model, order.request.side, remaining, order.request.price!, bar)
          : book
            ? fillOnBook(this.model.takerFee, order.request.side, remaining, book)
            : fillOnCandle(this.model, order.request.side, remaining, bar, timeframeMs, arrival));
      order.barsTried += 1;
      let venueFill: VenueFill | undefined;
      if (fill) {
        order.fillCount += 1;
        order.filled += fill.amount;
        venueFill = {
          fillId: `${order.request.clientOrderId}-f${order.fillCount}`,
          clientOrderId: order.request.clientOrderId,
          venue: this.id,
          symbol,
          side: order.request.side,
          price: fill.price,
          amount: fill.amount,
          fee: fill.fee,
          liquidity: limit && !taken ? 'maker' : 'taker',
          ts: at,
        };
        order.unreported.push(venueFill);
      }
      const rest = order.request.amount - order.filled;
      if (rest <= order.request.amount * 1e-12) order.status = 'closed';
      else if (!limit && order.barsTried >= this.model.maxBars) order.status = 'canceled';
      if (order.status !== 'open') this.dropOpen(order);
      if (venueFill || order.status !== 'open') events.push(venueFill ? { order: this.view(order, true), fill: venueFill } : { order: this.view(order, true) });
    }
    return events;
  }

  /**
   * A marketable limit order on the first bar it meets takes liquidity like a market order (slippage, taker fee), at
   * no worse than its limit, when that bar opens within the limit; otherwise it rests like any limit order.
   */
  private takeAtOpen(request: VenueOrderRequest, remaining: number, bar: Candle, timeframeMs: number, arrival: number): CandleFill | undefined {
    const limit = request.price!;
    if (request.side === 'buy' ? bar.open > limit : bar.open < limit) return undefined;
    const fill = fillOnCandle(this.model, request.side, remaining, bar, timeframeMs, arrival);
    if (!fill) return undefined;
    const price = request.side === 'buy' ? Math.min(limit, fill.price) : Math.max(limit, fill.price);
    return { price, amount: fill.amount, fee: price * fill.amount * this.model.takerFee };
  }

  private dropOpen(order: RestingOrder): void {
    const list = this.open.get(order.request.symbol);
    if (!list) return;
    const i = list.indexOf(order);
    if (i >= 0) list.splice(i, 1);
  }

  private view(order: RestingOrder, drain: boolean): VenueOrder {
    const fills = drain ? order.unreported.splice(0) : [...order.unreported];
    return {
      clientOrderId: order.request.clientOrderId,
      venueOrderId: `replay-${order.request.clientOrderId}`,
      symbol: order.request.symbol,
      side: order.request.side,
      status: order.status,
      amount: order.request.amount,
      filled: order.filled,
      fills,
    };
  }
}
