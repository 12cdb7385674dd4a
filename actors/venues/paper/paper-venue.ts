import { randomUUID } from 'node:crypto';
import type { Candle, OrderBook } from '../../market-data/types.js';
import type { Balance, Venue, VenueCapabilities, VenueOrder, VenueOrderRequest } from '../venue.js';
import type { VenueFill } from '../../../machines/order.machine.js';
import { OrderRejectedError, VenueUnavailableError } from '../../runtime/errors.js';
import { PaperBalances } from './balances.js';
import {
  DEFAULT_CANDLE_MODEL, consume, limitOnCandle, marketableLimitOnCandle, marketOnCandle, restingFromBook, takeFromBook, type CandleModel, type Match,
} from './matching.js';

export interface PaperVenueOptions {
  id?: string;
  /**
   * The run this venue lives in: part of every fill id and venue order id, so a later run on the same
   * journal never reuses one. Default: a random id per venue instance.
   */
  session?: string;
  /** Default true: its orders live in this process and end with it (reconciliation calls them lost). */
  inProcess?: boolean;
  fees?: { maker: number; taker: number };
  /** Starting balances per asset, e.g. { USDT: 10_000, BTC: 0 }. */
  balances: Record<string, number>;
  candleModel?: Partial<CandleModel>;
  /** Reserve this much extra quote on market buys against slippage (fraction). Default 0.05. */
  marketBuyBuffer?: number;
  /** Fault injection for tests: 1-based numbers of createOrder/fetchOrderByClientId calls that throw VenueUnavailableError. */
  faults?: {
    /** The order IS recorded (and matched) before the throw: it exists, but the caller does not know. */
    unavailableOnCreate?: number[];
    unavailableOnFetch?: number[];
  };
}

interface PaperOrder {
  request: VenueOrderRequest;
  venueOrderId: string;
  status: VenueOrder['status'];
  filled: number;
  fills: VenueFill[];
  /** Candle mode: the bar that was the latest when the order was placed; fills start on a later bar. */
  placedOnBar?: number;
  /** Candle mode: a limit order marketable when placed (a buy at or over the last close, a sell at or under it). */
  takes?: boolean;
  /** Quote (buy) or base (sell) reserved per unit of base, and what is still reserved. */
  reservedPerUnit: number;
  reserved: number;
}

const EPS = 1e-12;

function assetsOf(symbol: string): { base: string; quote: string } {
  const [base, quotePart] = symbol.split('/');
  const quote = quotePart?.split(':')[0];
  if (!base || !quote) throw new OrderRejectedError(`symbol must look like BASE/QUOTE, got ${JSON.stringify(symbol)}`);
  return { base, quote };
}

/**
 * A venue that matches against recorded real books or candles. Its host feeds market data with
 * onBook / onCandle and receives the fills of resting orders from those calls. Time is market
 * time: fills carry the timestamp of the book or bar that produced them.
 */
export class PaperVenue implements Venue {
  readonly id: string;
  readonly capabilities: VenueCapabilities = { cancelOrder: true, fetchOrderByClientId: true, watchOrderBook: false };
  readonly fees: { maker: number; taker: number };
  readonly inProcess: boolean;
  private readonly session: string;
  private readonly balances: PaperBalances;
  private readonly model: CandleModel;
  private readonly buffer: number;
  private readonly orders = new Map<string, PaperOrder>();
  private readonly books = new Map<string, OrderBook>();
  private readonly lastBar = new Map<string, Candle>();
  private seq = 0;
  private creates = 0;
  private fetches = 0;
  private closed = false;

  constructor(private readonly options: PaperVenueOptions) {
    this.id = options.id ?? 'paper';
    this.session = options.session ?? randomUUID().slice(0, 8);
    this.inProcess = options.inProcess ?? true;
    this.fees = options.fees ?? { maker: 0.001, taker: 0.001 };
    this.balances = new PaperBalances(options.balances);
    this.model = { ...DEFAULT_CANDLE_MODEL, ...options.candleModel };
    this.buffer = options.marketBuyBuffer ?? 0.05;
  }

  async createOrder(request: VenueOrderRequest): Promise<VenueOrder> {
    this.ensureOpen();
    this.creates += 1;
    const existing = this.orders.get(request.clientOrderId);
    const order = existing ?? this.place(request);
    if (this.options.faults?.unavailableOnCreate?.includes(this.creates)) {
      throw new VenueUnavailableError(`paper: injected timeout on create #${this.creates}`, { metaMessages: [`clientOrderId ${request.clientOrderId} was recorded`] });
    }
    return this.view(order);
  }

  async cancelOrder(clientOrderId: string, symbol: string): Promise<VenueOrder> {
    this.ensureOpen();
    const order = this.orders.get(clientOrderId);
    if (!order || order.request.symbol !== symbol) throw new OrderRejectedError(`paper: unknown order ${clientOrderId} on ${symbol}`);
    if (order.status === 'open') {
      order.status = 'canceled';
      this.releaseRest(order);
    }
    return this.view(order);
  }

  async fetchOrderByClientId(clientOrderId: string, symbol: string): Promise<VenueOrder | undefined> {
    this.ensureOpen();
    this.fetches += 1;
    if (this.options.faults?.unavailableOnFetch?.includes(this.fetches)) throw new VenueUnavailableError(`paper: injected timeout on fetch #${this.fetches}`);
    const order = this.orders.get(clientOrderId);
    return order && order.request.symbol === symbol ? this.view(order) : undefined;
  }

  async fetchOrderBook(symbol: string, limit?: number): Promise<OrderBook> {
    this.ensureOpen();
    const book = this.books.get(symbol);
    if (!book) throw new VenueUnavailableError(`paper: no book recorded for ${symbol} yet`);
    return limit === undefined ? book : { ...book, bids: book.bids.slice(0, limit), asks: book.asks.slice(0, limit) };
  }

  async fetchBalance(): Promise<Record<string, Balance>> {
    this.ensureOpen();
    return this.balances.snapshot();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** The venue's own log: every order it accepted, oldest first, each with all its fills (what a cluster's journals are checked against). */
  records(): VenueOrder[] {
    return [...this.orders.values()].map((o) => this.view(o));
  }

  /** A new book for a symbol: resting limit orders that it crosses fill (maker, at their price). */
  onBook(book: OrderBook): VenueFill[] {
    let current = book;
    const fills: VenueFill[] = [];
    for (const order of this.openOrders(book.symbol)) {
      if (order.request.type !== 'limit' || order.request.price === undefined) continue;
      const match = restingFromBook(current, order.request.side, order.request.price, order.request.amount - order.filled);
      const fill = match && this.apply(order, match, book.ts);
      if (!fill) continue;
      fills.push(fill);
      current = consume(current, order.request.side, fill.amount);
    }
    this.books.set(book.symbol, current);
    return fills;
  }

  /** A closed bar for a symbol: orders placed before it fill within a share of its volume. */
  onCandle(symbol: string, candle: Candle): VenueFill[] {
    this.lastBar.set(symbol, candle);
    const fills: VenueFill[] = [];
    let budget = candle.volume * this.model.maxVolumeFraction;
    for (const order of this.openOrders(symbol)) {
      if (order.placedOnBar === undefined || candle.ts <= order.placedOnBar) continue;
      const remaining = order.request.amount - order.filled;
      const taken = order.takes ? marketableLimitOnCandle(candle, order.request.side, order.request.price ?? NaN, remaining, budget, this.model) : undefined;
      order.takes = false;
      const match =
        taken ??
        (order.request.type === 'market'
          ? marketOnCandle(candle, order.request.side, remaining, budget, this.model)
          : limitOnCandle(candle, order.request.side, order.request.price ?? NaN, remaining, budget));
      const fill = match && this.apply(order, match, candle.ts);
      if (!fill) continue;
      budget -= fill.amount;
      fills.push(fill);
    }
    return fills;
  }

  private place(request: VenueOrderRequest): PaperOrder {
    const { base, quote } = assetsOf(request.symbol);
    if (!(request.amount > 0) || !Number.isFinite(request.amount)) throw new OrderRejectedError(`paper: amount must be positive, got ${request.amount}`);
    if (request.type === 'limit' && !(request.price !== undefined && request.price > 0)) throw new OrderRejectedError(`paper: a limit order needs a positive price, got ${request.price}`);
    const book = this.books.get(request.symbol);
    const bar = this.lastBar.get(request.symbol);
    if (!book && !bar) throw new OrderRejectedError(`paper: no market data for ${request.symbol}; feed onBook or onCandle first`);

    // In book mode a market order is matched now; reserve only what it takes.
    const immediate = book ? takeFromBook(book, request.side, request.amount, request.type === 'limit' ? request.price : undefined) : undefined;
    const toReserve = request.type === 'market' && book ? immediate?.amount ?? 0 : request.amount;
    let reservedPerUnit = 1;
    if (request.side === 'buy') {
      const feeRate = Math.max(this.fees.maker, this.fees.taker);
      const ref = request.type === 'limit' ? request.price! : book ? immediate?.price ?? 0 : bar!.close * (1 + this.buffer);
      reservedPerUnit = ref * (1 + feeRate);
    }
    const reserved = reservedPerUnit * toReserve;
    this.balances.reserve(request.side === 'buy' ? quote : base, reserved, `${request.side} ${request.amount} ${request.symbol}`);

    this.seq += 1;
    const order: PaperOrder = { request, venueOrderId: `${this.id}:${this.session}:${this.seq}`, status: 'open', filled: 0, fills: [], reservedPerUnit, reserved };
    this.orders.set(request.clientOrderId, order);
    if (book) {
      const fill = immediate && this.apply(order, immediate, book.ts);
      if (fill) this.books.set(request.symbol, consume(book, request.side, fill.amount));
      // A market order takes what the visible book shows; the rest expires (IOC).
      if (request.type === 'market' && order.status === 'open') {
        order.status = 'canceled';
        this.releaseRest(order);
      }
    } else {
      order.placedOnBar = bar!.ts;
      order.takes = request.type === 'limit' && (request.side === 'buy' ? request.price! >= bar!.close : request.price! <= bar!.close);
    }
    return order;
  }

  /** Book a match: balances move, its reservation is released, a fill is recorded. Clipped to what the account can pay. */
  private apply(order: PaperOrder, wanted: Match, ts: number): VenueFill | undefined {
    const { request } = order;
    const { base, quote } = assetsOf(request.symbol);
    const rate = wanted.liquidity === 'maker' ? this.fees.maker : this.fees.taker;
    let amount = wanted.amount;
    if (request.side === 'buy') {
      const canPay = this.balances.freeOf(quote) + Math.min(order.reserved, order.reservedPerUnit * amount);
      amount = Math.min(amount, canPay / (wanted.price * (1 + rate)));
    }
    if (!(amount > EPS)) return undefined;
    const notional = amount * wanted.price;
    const fee = notional * rate;
    const release = Math.min(order.reserved, order.reservedPerUnit * amount);
    order.reserved -= release;
    if (request.side === 'buy') {
      this.balances.release(quote, release);
      this.balances.settle(quote, notional + fee, base, amount);
    } else {
      this.balances.release(base, release);
      this.balances.settle(base, amount, quote, notional - fee);
    }
    this.seq += 1;
    const fill: VenueFill = {
      fillId: `${this.id}:${this.session}:f${this.seq}`, clientOrderId: request.clientOrderId, venue: this.id, symbol: request.symbol,
      side: request.side, price: wanted.price, amount, fee, liquidity: wanted.liquidity, ts,
    };
    order.fills.push(fill);
    order.filled += amount;
    if (order.filled >= request.amount - EPS) {
      order.status = 'closed';
      this.releaseRest(order);
    }
    return fill;
  }

  private releaseRest(order: PaperOrder): void {
    const { base, quote } = assetsOf(order.request.symbol);
    this.balances.release(order.request.side === 'buy' ? quote : base, order.reserved);
    order.reserved = 0;
  }

  private openOrders(symbol: string): PaperOrder[] {
    return [...this.orders.values()].filter((o) => o.status === 'open' && o.request.symbol === symbol);
  }

  /** A copy for callers; `fills` lists every fill of the order (consumers dedupe by fillId). */
  private view(order: PaperOrder): VenueOrder {
    return {
      clientOrderId: order.request.clientOrderId, venueOrderId: order.venueOrderId, symbol: order.request.symbol,
      side: order.request.side, status: order.status, amount: order.request.amount, filled: order.filled, fills: order.fills.map((f) => ({ ...f })),
    };
  }

  private ensureOpen(): void {
    if (this.closed) throw new VenueUnavailableError(`paper venue ${this.id} is closed`);
  }
}
