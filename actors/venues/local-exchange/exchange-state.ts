import type { Clock } from '../../runtime/clock.js';
import { MatchingEngine, round8, type DepthDiff, type EngineOrder, type EngineSide, type Match } from './matching-engine.js';
import type { TapeTrade } from './klines.js';

/** A market as listed by the local exchange: a real Binance exchangeInfo entry plus its parsed rules. */
export interface ListedMarket {
  symbol: string;
  base: string;
  quote: string;
  tickSize: number;
  stepSize: number;
  minQty: number;
  minNotional: number;
  /** The exchangeInfo entry served verbatim. */
  info: Record<string, unknown>;
}

export interface AccountTrade {
  id: number;
  orderId: number;
  symbol: string;
  price: number;
  qty: number;
  quoteQty: number;
  commission: number;
  commissionAsset: string;
  time: number;
  isBuyer: boolean;
  isMaker: boolean;
}

interface Account {
  secret: string;
  balances: Map<string, { free: number; locked: number }>;
  trades: AccountTrade[];
}

/** A refusal in Binance's own words: HTTP status, error code, message. */
export class BinanceReject extends Error {
  constructor(readonly status: number, readonly code: number, readonly msg: string) {
    super(msg);
  }
}

const onStep = (x: number, step: number) => step <= 0 || Math.abs(x / step - Math.round(x / step)) < 1e-8;

export interface NewOrder {
  symbol: string;
  side: EngineSide;
  type: 'LIMIT' | 'MARKET';
  timeInForce: 'GTC' | 'IOC' | 'FOK';
  quantity: number;
  price: number;
  clientOrderId: string;
}

/** Markets, accounts, orders and trades of the local exchange. Fees are charged in the asset received. */
export class ExchangeState {
  readonly engines = new Map<string, MatchingEngine>();
  readonly markets = new Map<string, ListedMarket>();
  private readonly accounts = new Map<string, Account>();
  private readonly orders = new Map<number, EngineOrder>();
  private readonly byClientId = new Map<string, EngineOrder>();
  /** orderId -> amount of the spent asset the order still holds locked. */
  private readonly held = new Map<number, number>();
  private nextOrderId: number;
  /** Every match per symbol, oldest first: the public tape klines are built from. */
  private readonly tapes = new Map<string, TapeTrade[]>();
  takerFee = 0.001;
  makerFee = 0.001;

  constructor(private readonly clock: Clock, markets: ListedMarket[], private readonly onDiff: (symbol: string, diff: DepthDiff) => void) {
    // A real exchange never issues an order or trade id twice; numbered from its start time (ms × 1000),
    // a restarted local exchange never reissues an id that a journal already holds.
    const firstId = Math.max(1000, Math.floor(clock.now()) * 1000);
    this.nextOrderId = firstId;
    for (const m of markets) {
      this.markets.set(m.symbol, m);
      this.engines.set(m.symbol, new MatchingEngine(m.symbol, (d) => this.onDiff(m.symbol, d), firstId));
    }
  }

  addAccount(apiKey: string, secret: string, balances: Record<string, number>): void {
    this.accounts.set(apiKey, { secret, trades: [], balances: new Map(Object.entries(balances).map(([a, free]) => [a, { free, locked: 0 }])) });
  }

  secretOf(apiKey: string): string | undefined {
    return this.accounts.get(apiKey)?.secret;
  }

  private account(apiKey: string): Account {
    const a = this.accounts.get(apiKey);
    if (!a) throw new BinanceReject(401, -2015, 'Invalid API-key, IP, or permissions for action.');
    return a;
  }

  private bal(a: Account, asset: string) {
    let b = a.balances.get(asset);
    if (!b) a.balances.set(asset, (b = { free: 0, locked: 0 }));
    return b;
  }

  balances(apiKey: string): Array<{ asset: string; free: number; locked: number }> {
    return [...this.account(apiKey).balances].map(([asset, b]) => ({ asset, free: b.free, locked: b.locked }));
  }

  market(symbol: string): ListedMarket {
    const m = this.markets.get(symbol);
    if (!m) throw new BinanceReject(400, -1121, 'Invalid symbol.');
    return m;
  }

  engine(symbol: string): MatchingEngine {
    this.market(symbol);
    return this.engines.get(symbol)!;
  }

  seed(symbol: string, bids: ReadonlyArray<readonly [number, number]>, asks: ReadonlyArray<readonly [number, number]>): void {
    this.engine(symbol).seed(bids, asks, this.clock.now(), () => this.nextOrderId++);
  }

  /** Base amount a market order of `quote` value takes from the book now, rounded down to the step size. */
  baseForQuote(symbol: string, side: EngineSide, quote: number): number {
    const m = this.market(symbol);
    const levels = side === 'BUY' ? this.engine(symbol).depth(1000).asks : this.engine(symbol).depth(1000).bids;
    let left = quote;
    let base = 0;
    for (const [price, qty] of levels) {
      const take = Math.min(qty, left / price);
      base += take;
      left -= take * price;
      if (left <= 1e-12) break;
    }
    return m.stepSize > 0 ? round8(Math.floor(base / m.stepSize + 1e-9) * m.stepSize) : round8(base);
  }

  placeOrder(apiKey: string, req: NewOrder): { order: EngineOrder; matches: Match[] } {
    const account = this.account(apiKey);
    const m = this.market(req.symbol);
    if (this.byClientId.has(`${apiKey}:${req.clientOrderId}`)) throw new BinanceReject(400, -2010, 'Duplicate order sent.');
    if (!(req.quantity > 0)) throw new BinanceReject(400, -1013, 'Invalid quantity.');
    if (req.quantity < m.minQty || !onStep(req.quantity, m.stepSize)) throw new BinanceReject(400, -1013, 'Filter failure: LOT_SIZE');
    if (req.type === 'LIMIT' && (!(req.price > 0) || !onStep(req.price, m.tickSize))) throw new BinanceReject(400, -1013, 'Filter failure: PRICE_FILTER');
    const engine = this.engines.get(req.symbol)!;
    const limit = req.type === 'MARKET' ? (req.side === 'BUY' ? Infinity : 0) : req.price;
    const refPrice = req.type === 'LIMIT' ? req.price : engine.costOf(req.side, Math.min(req.quantity, engine.available(req.side, limit)), limit) / req.quantity;
    if (req.quantity * refPrice < m.minNotional) throw new BinanceReject(400, -1013, 'Filter failure: MIN_NOTIONAL');
    // Lock what the order could spend: the limit notional, or for a market buy its cost on the book now.
    const spendAsset = req.side === 'BUY' ? m.quote : m.base;
    const spend = req.side === 'SELL' ? req.quantity : req.type === 'LIMIT' ? round8(req.quantity * req.price) : engine.costOf('BUY', Math.min(req.quantity, engine.available('BUY', Infinity)), Infinity);
    const wallet = this.bal(account, spendAsset);
    if (wallet.free + 1e-12 < spend) throw new BinanceReject(400, -2010, 'Account has insufficient balance for requested action.');
    wallet.free = round8(wallet.free - spend);
    wallet.locked = round8(wallet.locked + spend);
    const now = this.clock.now();
    const order: EngineOrder = {
      orderId: this.nextOrderId++, clientOrderId: req.clientOrderId, owner: apiKey, symbol: req.symbol, side: req.side, type: req.type,
      timeInForce: req.type === 'MARKET' ? 'IOC' : req.timeInForce, price: req.type === 'MARKET' ? 0 : req.price,
      origQty: req.quantity, executedQty: 0, cummulativeQuoteQty: 0, status: 'NEW', time: now, updateTime: now,
    };
    this.orders.set(order.orderId, order);
    this.held.set(order.orderId, spend);
    this.byClientId.set(`${apiKey}:${order.clientOrderId}`, order);
    const matches = engine.submit(order, now, (maker) => this.release(maker));
    const tape = this.tapes.get(req.symbol) ?? [];
    this.tapes.set(req.symbol, tape);
    for (const x of matches) {
      tape.push({ time: now, price: x.price, qty: x.qty, takerBuy: req.side === 'BUY' });
      this.settle(x.taker, x, false);
      if (x.maker.owner !== '') this.settle(x.maker, x, true);
    }
    if (order.status === 'EXPIRED' || order.status === 'FILLED') this.release(order);
    return { order, matches };
  }

  /** Moves funds for one side of a trade: the spent asset leaves `locked`, the received asset (net of fee) lands in `free`. */
  private settle(order: EngineOrder, x: Match, isMaker: boolean): void {
    const a = this.account(order.owner);
    const m = this.markets.get(order.symbol)!;
    const quoteQty = round8(x.qty * x.price);
    const fee = isMaker ? this.makerFee : this.takerFee;
    const buy = order.side === 'BUY';
    const spent = this.bal(a, buy ? m.quote : m.base);
    const got = this.bal(a, buy ? m.base : m.quote);
    const paid = buy ? quoteQty : x.qty;
    const lockedShare = Math.min(buy && order.type === 'LIMIT' ? round8(x.qty * order.price) : paid, this.held.get(order.orderId) ?? 0);
    this.held.set(order.orderId, round8((this.held.get(order.orderId) ?? 0) - lockedShare));
    spent.locked = round8(spent.locked - lockedShare);
    spent.free = round8(spent.free + lockedShare - paid);
    const received = buy ? x.qty : quoteQty;
    const commission = round8(received * fee);
    got.free = round8(got.free + received - commission);
    a.trades.push({ id: x.tradeId, orderId: order.orderId, symbol: order.symbol, price: x.price, qty: x.qty, quoteQty, commission, commissionAsset: buy ? m.base : m.quote, time: order.updateTime, isBuyer: buy, isMaker });
    if (order.status === 'FILLED' && order !== x.taker) this.release(order);
  }

  /** Returns what an order still holds locked once it can no longer trade. */
  private release(order: EngineOrder): void {
    const m = this.markets.get(order.symbol)!;
    const held = this.held.get(order.orderId) ?? 0;
    this.held.delete(order.orderId);
    const b = this.bal(this.account(order.owner), order.side === 'BUY' ? m.quote : m.base);
    b.locked = round8(b.locked - held);
    b.free = round8(b.free + held);
  }

  findOrder(apiKey: string, symbol: string, orderId?: number, clientOrderId?: string): EngineOrder {
    this.account(apiKey);
    const o = orderId !== undefined ? this.orders.get(orderId) : clientOrderId !== undefined ? this.byClientId.get(`${apiKey}:${clientOrderId}`) : undefined;
    if (!o || o.owner !== apiKey || o.symbol !== symbol) throw new BinanceReject(400, -2013, 'Order does not exist.');
    return o;
  }

  cancelOrder(apiKey: string, symbol: string, orderId?: number, clientOrderId?: string): EngineOrder {
    let o: EngineOrder;
    try {
      o = this.findOrder(apiKey, symbol, orderId, clientOrderId);
    } catch {
      throw new BinanceReject(400, -2011, 'Unknown order sent.');
    }
    if (o.status !== 'NEW' && o.status !== 'PARTIALLY_FILLED') throw new BinanceReject(400, -2011, 'Unknown order sent.');
    this.engines.get(symbol)!.cancel(o, this.clock.now());
    this.release(o);
    return o;
  }

  ordersOf(apiKey: string, symbol?: string, openOnly = false): EngineOrder[] {
    return [...this.orders.values()].filter(
      (o) => o.owner === apiKey && (symbol === undefined || o.symbol === symbol) && (!openOnly || o.status === 'NEW' || o.status === 'PARTIALLY_FILLED'),
    );
  }

  tape(symbol: string): readonly TapeTrade[] {
    this.market(symbol);
    return this.tapes.get(symbol) ?? [];
  }

  tradesOf(apiKey: string, symbol: string): AccountTrade[] {
    return this.account(apiKey).trades.filter((t) => t.symbol === symbol);
  }

  /** How many orders the exchange holds under this client id (for no-duplicate checks). */
  countByClientId(clientOrderId: string): number {
    return [...this.orders.values()].filter((o) => o.clientOrderId === clientOrderId).length;
  }
}
