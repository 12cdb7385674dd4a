import type { Fill } from '../ledger/types.js';

/** A round trip: flat → long (or short) → flat. Times in epoch ms; prices volume-weighted over the fills; pnl net of all fees. */
export interface Trade {
  strategy: string;
  symbol: string;
  side: 'long' | 'short';
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
  side: 'long' | 'short';
  entryTime: number;
  entryPrice: number;
  /** Signed: negative when short. */
  qty: number;
  markPrice: number;
  unrealizedPnl: number;
}

interface Leg {
  qty: number;
  notional: number;
  prices: Set<number>;
}

interface Round {
  side: 'long' | 'short';
  entryTime: number;
  exitTime: number;
  open: Leg;
  close: Leg;
  fees: number;
}

/** One market of a strategy: its position, last mark and open round. */
interface Holding {
  symbol: string;
  position: number;
  lastPrice: number;
  round?: Round;
}

/** A strategy's cash and notional traded, shared by its markets. */
interface Book {
  cash: number;
  traded: number;
  holdings: Map<string, Holding>;
}

const DUST = 1e-9;
const leg = (): Leg => ({ qty: 0, notional: 0, prices: new Set() });

/** Volume-weighted price; exactly the fill price when all fills had one price (no rounding from notional / qty). */
function vwap(l: Leg): number {
  return l.prices.size === 1 ? l.prices.values().next().value! : l.notional / l.qty;
}

function roundPnl(r: Round): number {
  const gross = r.side === 'long' ? r.close.notional - r.open.notional : r.open.notional - r.close.notional;
  return gross - r.fees;
}

/**
 * Cash, positions and round trips per strategy, built only from fills (the ledger's view, not the strategy's). A
 * strategy trades one market or several (`symbols`); its cash is shared, its rounds are per market.
 */
export class TradeBook {
  readonly trades: Trade[] = [];
  private readonly books = new Map<string, Book>();

  constructor(allocations: ReadonlyArray<{ strategy: string; symbols: readonly string[]; capital: number }>) {
    for (const a of allocations) {
      const holdings = new Map(a.symbols.map((symbol) => [symbol, { symbol, position: 0, lastPrice: NaN }]));
      this.books.set(a.strategy, { cash: a.capital, traded: 0, holdings });
    }
  }

  record(fill: Fill): void {
    const book = this.book(fill.strategy);
    const b = this.holding(book, fill.strategy, fill.symbol);
    const sign = fill.side === 'buy' ? 1 : -1;
    book.traded += fill.price * fill.amount;
    book.cash -= sign * fill.price * fill.amount + fill.fee;
    // A fill that takes the position through zero closes the round and opens the next with the rest.
    const closing = b.position !== 0 && Math.sign(b.position) !== sign ? Math.min(fill.amount, Math.abs(b.position)) : 0;
    if (closing > 0) this.apply(fill, b, closing);
    if (fill.amount - closing > DUST * fill.amount) this.apply(fill, b, fill.amount - closing);
  }

  private apply(fill: Fill, b: Holding, amount: number): void {
    const sign = fill.side === 'buy' ? 1 : -1;
    const r = (b.round ??= { side: sign > 0 ? 'long' : 'short', entryTime: fill.ts, exitTime: fill.ts, open: leg(), close: leg(), fees: 0 });
    const opening = (r.side === 'long') === (sign > 0);
    const l = opening ? r.open : r.close;
    l.qty += amount;
    l.notional += amount * fill.price;
    l.prices.add(fill.price);
    r.fees += amount === fill.amount ? fill.fee : (fill.fee * amount) / fill.amount;
    if (!opening) r.exitTime = fill.ts;
    b.position += sign * amount;
    if (Math.abs(b.position) > DUST * Math.max(1, r.open.qty)) return;
    b.position = 0;
    this.trades.push({
      strategy: fill.strategy, symbol: b.symbol, side: r.side, entryTime: r.entryTime, entryPrice: vwap(r.open),
      exitTime: r.exitTime, exitPrice: vwap(r.close), qty: r.open.qty, pnl: roundPnl(r), fees: r.fees,
    });
    b.round = undefined;
  }

  mark(strategy: string, symbol: string, price: number): void {
    this.holding(this.book(strategy), strategy, symbol).lastPrice = price;
  }

  equity(strategy: string): number {
    const b = this.book(strategy);
    let equity = b.cash;
    for (const h of b.holdings.values()) if (h.position !== 0) equity += h.position * h.lastPrice;
    return equity;
  }

  /** Signed position in `symbol` (negative when short). */
  position(strategy: string, symbol: string): number {
    return this.holding(this.book(strategy), strategy, symbol).position;
  }

  /** Whether the strategy holds a position in any of its markets. */
  inMarket(strategy: string): boolean {
    for (const h of this.book(strategy).holdings.values()) if (h.position !== 0) return true;
    return false;
  }

  tradedNotional(strategy: string): number {
    return this.book(strategy).traded;
  }

  openPositions(): OpenPosition[] {
    const out: OpenPosition[] = [];
    for (const [strategy, book] of this.books) for (const b of book.holdings.values()) {
      const r = b.round;
      if (b.position === 0 || !r) continue;
      const markValue = Math.abs(b.position) * b.lastPrice;
      const unrealized = r.side === 'long' ? markValue + r.close.notional - r.open.notional - r.fees : r.open.notional - r.close.notional - markValue - r.fees;
      out.push({ strategy, symbol: b.symbol, side: r.side, entryTime: r.entryTime, entryPrice: vwap(r.open), qty: b.position, markPrice: b.lastPrice, unrealizedPnl: unrealized });
    }
    return out;
  }

  private book(strategy: string): Book {
    const b = this.books.get(strategy);
    if (!b) throw new Error(`trade book has no allocation for strategy ${strategy}`);
    return b;
  }

  private holding(book: Book, strategy: string, symbol: string): Holding {
    const h = book.holdings.get(symbol);
    if (!h) throw new Error(`trade book: strategy ${strategy} does not trade ${symbol}`);
    return h;
  }
}
