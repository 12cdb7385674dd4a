/**
 * Price-time priority matching for one symbol. Orders of `owner: ''` are seeded liquidity with no
 * account behind them. Every change to the visible book bumps `updateId` and is reported to
 * `onDiff` as Binance depth deltas (absolute quantity at a price; 0 removes the level).
 * Self-trade prevention is Binance spot's default, EXPIRE_MAKER: an order that would trade with a resting order of
 * its own account expires that resting order (status EXPIRED_IN_MATCH) and matches on past it.
 */
export type EngineSide = 'BUY' | 'SELL';
export type EngineStatus = 'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'EXPIRED' | 'EXPIRED_IN_MATCH' | 'REJECTED';

export interface EngineOrder {
  orderId: number;
  clientOrderId: string;
  owner: string;
  symbol: string;
  side: EngineSide;
  type: 'LIMIT' | 'MARKET';
  timeInForce: 'GTC' | 'IOC' | 'FOK';
  price: number;
  origQty: number;
  executedQty: number;
  cummulativeQuoteQty: number;
  status: EngineStatus;
  time: number;
  updateTime: number;
}

export interface Match {
  tradeId: number;
  price: number;
  qty: number;
  taker: EngineOrder;
  maker: EngineOrder;
}

export interface DepthDiff {
  firstUpdateId: number;
  lastUpdateId: number;
  bids: Array<[number, number]>;
  asks: Array<[number, number]>;
}

interface Level {
  price: number;
  orders: EngineOrder[];
}

export const round8 = (x: number): number => Math.round(x * 1e8) / 1e8;

export class MatchingEngine {
  private readonly bids: Level[] = [];
  private readonly asks: Level[] = [];
  updateId = 1;
  private nextTrade: number;

  constructor(readonly symbol: string, private readonly onDiff: (diff: DepthDiff) => void = () => {}, firstTradeId = 1) {
    this.nextTrade = firstTradeId;
  }

  private side(s: EngineSide): Level[] {
    return s === 'BUY' ? this.bids : this.asks;
  }

  private levelQty(level: Level | undefined): number {
    return level ? round8(level.orders.reduce((q, o) => q + o.origQty - o.executedQty, 0)) : 0;
  }

  private emit(changes: Map<string, [EngineSide, number]>): void {
    if (changes.size === 0) return;
    const diff: DepthDiff = { firstUpdateId: this.updateId + 1, lastUpdateId: this.updateId + 1, bids: [], asks: [] };
    this.updateId += 1;
    for (const [side, price] of changes.values()) {
      const level = this.side(side).find((l) => l.price === price);
      (side === 'BUY' ? diff.bids : diff.asks).push([price, this.levelQty(level)]);
    }
    this.onDiff(diff);
  }

  /** Advances the update id without publishing: the sequence gap a lost websocket frame leaves. */
  skipUpdate(): void {
    this.updateId += 1;
  }

  private rest(order: EngineOrder): void {
    const levels = this.side(order.side);
    const better = (a: number, b: number) => (order.side === 'BUY' ? a > b : a < b);
    let i = 0;
    while (i < levels.length && better(levels[i]!.price, order.price)) i++;
    if (levels[i]?.price === order.price) levels[i]!.orders.push(order);
    else levels.splice(i, 0, { price: order.price, orders: [order] });
  }

  /** Quantity a taker could fill now at or better than `limit` (Infinity for market). */
  available(side: EngineSide, limit: number): number {
    const crosses = (p: number) => (side === 'BUY' ? p <= limit : p >= limit);
    let q = 0;
    for (const l of this.side(side === 'BUY' ? 'SELL' : 'BUY')) {
      if (!crosses(l.price)) break;
      q += this.levelQty(l);
    }
    return round8(q);
  }

  /** Cost in quote of taking `qty` now (Infinity if the book is too thin). */
  costOf(side: EngineSide, qty: number, limit: number): number {
    let left = qty;
    let cost = 0;
    const crosses = (p: number) => (side === 'BUY' ? p <= limit : p >= limit);
    for (const l of this.side(side === 'BUY' ? 'SELL' : 'BUY')) {
      if (left <= 0 || !crosses(l.price)) break;
      const take = Math.min(left, this.levelQty(l));
      cost += take * l.price;
      left = round8(left - take);
    }
    return left > 0 ? Infinity : cost;
  }

  /** Matches a new order, rests what a GTC limit leaves, and returns the trades; `onSelfTrade` gets each resting order of the same account it expired. */
  submit(order: EngineOrder, now: number, onSelfTrade: (maker: EngineOrder) => void = () => {}): Match[] {
    const matches: Match[] = [];
    const changes = new Map<string, [EngineSide, number]>();
    const opposite = this.side(order.side === 'BUY' ? 'SELL' : 'BUY');
    const crosses = (p: number) => order.type === 'MARKET' || (order.side === 'BUY' ? p <= order.price : p >= order.price);
    if (order.timeInForce === 'FOK' && this.available(order.side, order.type === 'MARKET' ? (order.side === 'BUY' ? Infinity : 0) : order.price) < order.origQty) {
      order.status = 'EXPIRED';
      return matches;
    }
    while (order.executedQty < order.origQty && opposite.length > 0 && crosses(opposite[0]!.price)) {
      const level = opposite[0]!;
      const maker = level.orders[0]!;
      if (maker.owner !== '' && maker.owner === order.owner) {
        maker.status = 'EXPIRED_IN_MATCH';
        maker.updateTime = now;
        level.orders.shift();
        if (level.orders.length === 0) opposite.shift();
        changes.set(`${maker.side}${level.price}`, [maker.side, level.price]);
        onSelfTrade(maker);
        continue;
      }
      const qty = round8(Math.min(order.origQty - order.executedQty, maker.origQty - maker.executedQty));
      for (const o of [order, maker]) {
        o.executedQty = round8(o.executedQty + qty);
        o.cummulativeQuoteQty = round8(o.cummulativeQuoteQty + qty * level.price);
        o.status = o.executedQty >= o.origQty ? 'FILLED' : 'PARTIALLY_FILLED';
        o.updateTime = now;
      }
      matches.push({ tradeId: this.nextTrade++, price: level.price, qty, taker: order, maker });
      changes.set(`${maker.side}${level.price}`, [maker.side, level.price]);
      if (maker.status === 'FILLED') level.orders.shift();
      if (level.orders.length === 0) opposite.shift();
    }
    if (order.executedQty < order.origQty) {
      if (order.type === 'LIMIT' && order.timeInForce === 'GTC') {
        this.rest(order);
        changes.set(`${order.side}${order.price}`, [order.side, order.price]);
      } else {
        order.status = 'EXPIRED';
      }
    }
    this.emit(changes);
    return matches;
  }

  cancel(order: EngineOrder, now: number): void {
    const levels = this.side(order.side);
    const i = levels.findIndex((l) => l.price === order.price);
    const level = levels[i];
    if (level) {
      level.orders = level.orders.filter((o) => o !== order);
      if (level.orders.length === 0) levels.splice(i, 1);
    }
    order.status = 'CANCELED';
    order.updateTime = now;
    this.emit(new Map([[`${order.side}${order.price}`, [order.side, order.price]]]));
  }

  /** Replaces all seeded liquidity with these levels (the test's way to move the market). */
  seed(bids: ReadonlyArray<readonly [number, number]>, asks: ReadonlyArray<readonly [number, number]>, now: number, nextId: () => number): void {
    const changes = new Map<string, [EngineSide, number]>();
    for (const [side, levels] of [['BUY', this.bids], ['SELL', this.asks]] as const) {
      for (const l of levels) {
        if (l.orders.some((o) => o.owner === '')) changes.set(`${side}${l.price}`, [side, l.price]);
        l.orders = l.orders.filter((o) => o.owner !== '');
      }
      for (let i = levels.length - 1; i >= 0; i--) if (levels[i]!.orders.length === 0) levels.splice(i, 1);
    }
    for (const [side, levels] of [['BUY', bids], ['SELL', asks]] as const) {
      for (const [price, qty] of levels) {
        const id = nextId();
        this.rest({ orderId: id, clientOrderId: `seed-${id}`, owner: '', symbol: this.symbol, side, type: 'LIMIT', timeInForce: 'GTC', price, origQty: qty, executedQty: 0, cummulativeQuoteQty: 0, status: 'NEW', time: now, updateTime: now });
        changes.set(`${side}${price}`, [side, price]);
      }
    }
    this.emit(changes);
  }

  depth(limit: number): { lastUpdateId: number; bids: Array<[number, number]>; asks: Array<[number, number]> } {
    const view = (levels: Level[]) => levels.slice(0, limit).map((l) => [l.price, this.levelQty(l)] as [number, number]);
    return { lastUpdateId: this.updateId, bids: view(this.bids), asks: view(this.asks) };
  }
}
