import type { Fill } from '../ledger/types.js';

/** A round trip: flat → long → flat. Times in epoch ms; prices volume-weighted over the fills; pnl net of all fees. */
export interface Trade {
  strategy: string;
  symbol: string;
  entryTime: number;
  entryPrice: number;
  exitTime: number;
  exitPrice: number;
  qty: number;
  pnl: number;
  fees: number;
}

/** A position still held when the data ends: reported as open, never counted as a trade. */
export interface OpenPosition {
  strategy: string;
  symbol: string;
  entryTime: number;
  entryPrice: number;
  qty: number;
  markPrice: number;
  unrealizedPnl: number;
}

interface Book {
  symbol: string;
  cash: number;
  position: number;
  lastPrice: number;
  traded: number;
  round?: { entryTime: number; buyQty: number; buyNotional: number; buyPrices: Set<number>; sellQty: number; sellNotional: number; sellPrices: Set<number>; fees: number; exitTime: number };
}

const DUST = 1e-9;

/** Volume-weighted price; exactly the fill price when all fills had one price (no rounding from notional / qty). */
function vwap(prices: Set<number>, notional: number, qty: number): number {
  return prices.size === 1 ? prices.values().next().value! : notional / qty;
}

/** Cash, position and round trips per strategy, built only from fills (the ledger's view, not the strategy's). */
export class TradeBook {
  readonly trades: Trade[] = [];
  private readonly books = new Map<string, Book>();

  constructor(allocations: ReadonlyArray<{ strategy: string; symbol: string; capital: number }>) {
    for (const a of allocations) this.books.set(a.strategy, { symbol: a.symbol, cash: a.capital, position: 0, lastPrice: NaN, traded: 0 });
  }

  record(fill: Fill): void {
    const b = this.book(fill.strategy);
    const notional = fill.price * fill.amount;
    b.traded += notional;
    const r = (b.round ??= { entryTime: fill.ts, buyQty: 0, buyNotional: 0, buyPrices: new Set(), sellQty: 0, sellNotional: 0, sellPrices: new Set(), fees: 0, exitTime: fill.ts });
    r.fees += fill.fee;
    if (fill.side === 'buy') {
      b.cash -= notional + fill.fee;
      b.position += fill.amount;
      r.buyQty += fill.amount;
      r.buyNotional += notional;
      r.buyPrices.add(fill.price);
    } else {
      b.cash += notional - fill.fee;
      b.position -= fill.amount;
      r.sellQty += fill.amount;
      r.sellNotional += notional;
      r.sellPrices.add(fill.price);
      r.exitTime = fill.ts;
    }
    if (Math.abs(b.position) <= DUST * Math.max(1, r.buyQty)) {
      b.position = 0;
      this.trades.push({
        strategy: fill.strategy,
        symbol: b.symbol,
        entryTime: r.entryTime,
        entryPrice: vwap(r.buyPrices, r.buyNotional, r.buyQty),
        exitTime: r.exitTime,
        exitPrice: vwap(r.sellPrices, r.sellNotional, r.sellQty),
        qty: r.buyQty,
        pnl: r.sellNotional - r.buyNotional - r.fees,
        fees: r.fees,
      });
      b.round = undefined;
    }
  }

  mark(strategy: string, price: number): void {
    this.book(strategy).lastPrice = price;
  }

  equity(strategy: string): number {
    const b = this.book(strategy);
    return b.position === 0 ? b.cash : b.cash + b.position * b.lastPrice;
  }

  position(strategy: string): number {
    return this.book(strategy).position;
  }

  tradedNotional(strategy: string): number {
    return this.book(strategy).traded;
  }

  openPositions(): OpenPosition[] {
    const out: OpenPosition[] = [];
    for (const [strategy, b] of this.books) {
      if (b.position === 0 || !b.round) continue;
      const entryPrice = vwap(b.round.buyPrices, b.round.buyNotional, b.round.buyQty);
      out.push({ strategy, symbol: b.symbol, entryTime: b.round.entryTime, entryPrice, qty: b.position, markPrice: b.lastPrice, unrealizedPnl: b.position * b.lastPrice + b.round.sellNotional - b.round.buyNotional - b.round.fees });
    }
    return out;
  }

  private book(strategy: string): Book {
    const b = this.books.get(strategy);
    if (!b) throw new Error(`trade book has no allocation for strategy ${strategy}`);
    return b;
  }
}
