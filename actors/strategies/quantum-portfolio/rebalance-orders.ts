import type { OrderIntent } from '../../risk/intent.js';

export interface RebalanceBook {
  strategy: string;
  /** Distinguishes this session's intent ids from earlier sessions' on the same journal. */
  session: string;
  venue: string;
  symbols: readonly string[];
  /** Base amount held per market, from fills. */
  holdings: readonly number[];
  cash: number;
  feeRate: number;
  /** Intents sent so far. */
  seq: number;
}

/**
 * The quote value each selected market should hold: `fraction` of capital split over B, capped so that the position
 * stays within one position's limit even when its buy fills at its limit, `maxSlippage` above the last close.
 */
export function targetValue(capital: number, fraction: number, budget: number, maxPositionFraction: number, maxSlippage = 0): number {
  // Risk values the position at the buy's limit: exactly at the cap, rounding could tip it over.
  return capital * Math.min(fraction / budget, (maxPositionFraction / (1 + maxSlippage)) * (1 - 1e-9));
}

/**
 * Orders that move the holdings to `value` in each market of `selection` and to nothing elsewhere, at the last closes:
 * market sells first (they free cash), then limit buys at `maxSlippage` over the close, scaled down so that they and
 * their fees, at their limits, fit in cash plus the sells' proceeds. Orders worth less than `minTrade` are skipped,
 * except a sell that empties a market. Pure.
 */
export function rebalanceOrders(book: RebalanceBook, closes: readonly number[], selection: readonly (0 | 1)[], value: number, minTrade: number, maxSlippage = 0): OrderIntent[] {
  const sells: { i: number; amount: number }[] = [];
  const buys: { i: number; amount: number }[] = [];
  book.symbols.forEach((_, i) => {
    const held = book.holdings[i] ?? 0;
    const price = closes[i]!;
    const delta = (selection[i] === 1 ? value / price : 0) - held;
    const emptying = selection[i] !== 1 && held > 0;
    if (Math.abs(delta) * price < minTrade && !emptying) return;
    if (delta < 0) sells.push({ i, amount: Math.min(-delta, held) });
    else if (delta > 0) buys.push({ i, amount: delta });
  });
  const proceeds = sells.reduce((a, s) => a + s.amount * closes[s.i]! * (1 - book.feeRate), 0);
  const limit = (i: number) => closes[i]! * (1 + maxSlippage);
  const spend = buys.reduce((a, b) => a + b.amount * limit(b.i) * (1 + book.feeRate), 0);
  const room = Math.max(0, book.cash + proceeds);
  const scale = spend > room ? room / spend : 1;
  let seq = book.seq;
  const intent = (i: number, side: 'buy' | 'sell', amount: number): OrderIntent => ({
    intentId: `${book.strategy}-${book.session}-${++seq}`,
    strategy: book.strategy,
    venue: book.venue,
    symbol: book.symbols[i]!,
    side,
    kind: side === 'buy' ? 'open' : 'reduce',
    type: side === 'buy' ? 'limit' : 'market',
    amount,
    price: side === 'buy' ? limit(i) : closes[i]!,
  });
  return [
    ...sells.filter((s) => s.amount > 0).map((s) => intent(s.i, 'sell', s.amount)),
    ...buys.map((b) => ({ ...b, amount: b.amount * scale })).filter((b) => b.amount > 0 && b.amount * closes[b.i]! >= minTrade).map((b) => intent(b.i, 'buy', b.amount)),
  ];
}
