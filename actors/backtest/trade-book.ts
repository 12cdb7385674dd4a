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

interface Book {
  symbol: string;
  cash: number;
  position: number;
  lastPrice: number;
  traded: number;
  round?: Round;
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

/** Cash, position and round trips per strategy, built only from fills (the ledger's view, not the strategy's). */
export class TradeBook {
  readonly trades: Trade[] = [];
  private readonly books = new Map<string, Book>();

  constructor(allocations: ReadonlyArray<{ strategy: string; symbol: string; capital: number }>) {
    for (const a of allocations) this.books.set(a.strategy, { symbol: a.symbol, cash: a.capital, position: 0, lastPrice: NaN, traded: 0 });
  }

  record(fill: Fill): void {
    const b = this.book(fill.strategy);
    const sign = fill.side === 'buy' ? 1 : -1;
    b.traded += fill.price * fill.amount;
    b.cash -= sign * fill.price * fill.amount + fill.fee;
    // A fill that takes the position through zero closes the round and opens the next with the rest.
    const closing = b.position !== 0 && Math.sign(b.position) !== sign ? Math.min(fill.amount, Math.abs(b.position)) : 0;
    if (closing > 0) this.apply(fill, b, closing);
    if (fill.amount - closing > DUST * fill.amount) this.apply(fill, b, fill.amount - closing);
  }

  private apply(fill: Fill, b: Book, amount: number): void {
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
}
