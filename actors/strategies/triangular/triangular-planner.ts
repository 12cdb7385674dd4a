import type { OrderBook } from '../../market-data/types.js';
import type { LegPlan, LegPlanner } from '../../../machines/leg-risk.machine.js';
import { TriangularScanner } from './scanner.js';
import type { SpotMarket } from './snapshot.js';

export interface TriangularPlannerOptions {
  strategy: string;
  venue: string;
  markets: SpotMarket[];
  /** Taker fee per leg. */
  fee: number;
  /** Smallest net return to act on, as a fraction (0.0005 = 0.05%). */
  minNetReturn: number;
}

/**
 * Keeps one venue's triangle graph current from book updates; a book re-evaluates only the cycles
 * through its market, and the best cycle that is executable (depth, precision, minimums) becomes a
 * three-leg plan with IOC-style limits at the worst level each leg walks to.
 */
export function triangularPlanner(o: TriangularPlannerOptions): LegPlanner {
  const scanner = new TriangularScanner(o.markets, o.fee);
  const bySymbol = new Map(o.markets.map((m) => [`${m.base}/${m.quote}`, m]));
  // Markets seen in a book update: a cycle is traded only when every leg has live data (risk vetoes the rest).
  const live = new Set<string>();
  return (book: OrderBook, seq: number): LegPlan | undefined => {
    if (book.venue !== o.venue) return undefined;
    const market = bySymbol.get(book.symbol);
    if (!market) return undefined;
    live.add(market.symbol);
    const ids = scanner.applyBook(market.symbol, book.bids, book.asks);
    let best: ReturnType<TriangularScanner['describe']> | undefined;
    for (const id of ids) {
      if (!scanner.graph.cycleLegs(id).every((l) => live.has(o.markets[l.market]!.symbol))) continue;
      const d = scanner.describe(id);
      if (d.executable !== true || d.netPct / 100 < o.minNetReturn) continue;
      if (!best || d.netPct > best.netPct) best = d;
    }
    if (!best) return undefined;
    return {
      groupId: `${o.strategy}-${seq}`,
      expectedProfit: best.netPct / 100,
      legs: best.legs.map((l) => {
        const m = o.markets.find((x) => x.symbol === l.symbol)!;
        return { venue: o.venue, symbol: `${m.base}/${m.quote}`, side: l.side, amount: l.amount, price: l.limitPrice };
      }),
    };
  };
}
