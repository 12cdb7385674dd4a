import type { BookLevel } from '../../market-data/types.js';
import { sizeCycle, type LegFill } from './cycle-sizing.js';
import type { SpotMarket } from './snapshot.js';
import { TriangleGraph } from './triangle-graph.js';

export interface TriangleOpportunity {
  /** Currencies visited, first = last = the currency the size is counted in. */
  path: string[];
  symbols: string[];
  sides: Array<'buy' | 'sell'>;
  /** Return before fees at the top of book, in percent. */
  grossPct: number;
  /** Return after three taker fees at the top of book, in percent. */
  netPct: number;
  /** Largest profitable start amount (in path[0]) given the depth on every leg. */
  maxSize: number;
  /** Profit at maxSize in path[0], after fees and rounding. */
  expectedProfit: number;
  executable: boolean | null;
  reasons: string[];
  legs: LegFill[];
}

/** Preferred currencies to count a cycle in; otherwise the graph's own start. */
const START_PREFERENCE = ['USDT', 'BUSD', 'USDC', 'BTC', 'ETH', 'BNB'];

/**
 * Holds a venue's markets as a triangle graph. `applyBook` re-evaluates only the cycles through the
 * updated market; `opportunities` sizes the profitable ones on the depth last seen.
 */
export class TriangularScanner {
  readonly graph: TriangleGraph;
  private readonly books: Array<{ bids: readonly BookLevel[]; asks: readonly BookLevel[] }>;
  private readonly index: Map<string, number>;

  constructor(private readonly markets: readonly SpotMarket[], readonly feeRate: number) {
    this.graph = new TriangleGraph(markets, feeRate);
    this.index = this.graph.marketIndex();
    this.books = markets.map((m) => ({ bids: m.bids, asks: m.asks }));
    markets.forEach((m, i) => this.setRates(i));
    this.graph.evaluateAll();
  }

  private setRates(i: number): void {
    const b = this.books[i]!;
    this.graph.rates[i * 2] = b.bids[0]?.[0] ?? 0;
    const ask = b.asks[0]?.[0] ?? 0;
    this.graph.rates[i * 2 + 1] = ask > 0 ? 1 / ask : 0;
  }

  /** New depth for one market. Returns the ids of cycles through it that are profitable now (unsized). */
  applyBook(symbol: string, bids: readonly BookLevel[], asks: readonly BookLevel[]): number[] {
    const i = this.index.get(symbol);
    if (i === undefined) return [];
    this.books[i] = { bids, asks };
    this.graph.updateQuote(i, bids[0]?.[0] ?? 0, asks[0]?.[0] ?? 0);
    const out: number[] = [];
    for (const c of this.graph.cyclesThrough(i)) if (this.graph.isProfitable(c)) out.push(c);
    return out;
  }

  /** Re-evaluates every cycle (used for a full scan). */
  rescan(): void {
    this.graph.evaluateAll();
  }

  /** Sizes one cycle on current depth; `maxStart` caps the start amount (in path[0]). */
  describe(cycle: number, maxStart = Infinity): TriangleOpportunity {
    let legs = this.graph.cycleLegs(cycle);
    const rank = (a: string) => {
      const r = START_PREFERENCE.indexOf(a);
      return r < 0 ? START_PREFERENCE.length : r;
    };
    let best = 0;
    legs.forEach((l, k) => {
      if (rank(l.from) < rank(legs[best]!.from)) best = k;
    });
    legs = [...legs.slice(best), ...legs.slice(0, best)];
    const gross = this.graph.gross[cycle]!;
    const size = sizeCycle(
      legs.map((l) => {
        const m = this.markets[l.market]!;
        const book = this.books[l.market]!;
        return { symbol: m.symbol, buy: l.buy, levels: l.buy ? book.asks : book.bids, ...(m.rules ? { rules: m.rules } : {}) };
      }),
      this.feeRate,
      maxStart,
    );
    return {
      path: [legs[0]!.from, ...legs.map((l) => l.to)],
      symbols: legs.map((l) => this.markets[l.market]!.symbol),
      sides: legs.map((l) => (l.buy ? 'buy' : 'sell')),
      grossPct: (gross - 1) * 100,
      netPct: (gross * (1 - this.feeRate) ** 3 - 1) * 100,
      maxSize: size.maxSize,
      expectedProfit: size.profit,
      executable: size.executable,
      reasons: size.reasons,
      legs: size.legs,
    };
  }

  /** Every cycle profitable after fees, best net return first. */
  opportunities(): TriangleOpportunity[] {
    return this.graph
      .profitableIds()
      .map((c) => this.describe(c))
      .sort((a, b) => b.netPct - a.netPct);
  }
}

export interface TriangularScanResult {
  markets: number;
  assets: number;
  triangles: number;
  cycles: number;
  opportunities: TriangleOpportunity[];
}

export function scanTriangular(markets: readonly SpotMarket[], feeRate: number): TriangularScanResult {
  const scanner = new TriangularScanner(markets, feeRate);
  const g = scanner.graph;
  return {
    markets: markets.length,
    assets: g.assets.length,
    triangles: g.cycleCount / 2,
    cycles: g.cycleCount,
    opportunities: scanner.opportunities(),
  };
}
