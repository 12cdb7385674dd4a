/**
 * Every triangle of a venue's currency graph, indexed by market, in flat typed arrays.
 *
 * A leg converts one currency into the next through one market: selling the base pays the
 * bid (rate = bid), buying it pays the ask (rate = 1/ask). Leg slot = market * 2 + (buy ? 1 : 0),
 * so a cycle's gross return is the product of three entries of `rates`. A quote update touches
 * only the cycles listed for that market (CSR index), which is what makes re-evaluation O(k).
 */
export interface GraphMarket {
  symbol: string;
  base: string;
  quote: string;
}

export interface CycleLeg {
  market: number;
  /** true: pay the ask to buy the base; false: sell the base at the bid. */
  buy: boolean;
  from: string;
  to: string;
}

export class TriangleGraph {
  readonly assets: string[] = [];
  readonly markets: GraphMarket[];
  /** Three leg slots per cycle. */
  readonly legs: Int32Array;
  readonly cycleCount: number;
  /** rates[slot]: currency units out per unit in, before fees; 0 while a side is not quoted. */
  readonly rates: Float64Array;
  /** Gross return of each cycle (product of its three rates). */
  readonly gross: Float64Array;
  private readonly byMarketStart: Int32Array;
  private readonly byMarket: Int32Array;
  private readonly profitable: Uint8Array;
  private profitableCount = 0;
  private readonly threshold: number;

  constructor(markets: readonly GraphMarket[], feeRate: number) {
    if (!(feeRate >= 0 && feeRate < 1)) throw new RangeError(`fee rate must be in [0, 1), got ${feeRate}`);
    this.markets = markets.map((m) => ({ symbol: m.symbol, base: m.base, quote: m.quote }));
    this.threshold = 1 / (1 - feeRate) ** 3;
    const assetId = new Map<string, number>();
    const id = (a: string) => {
      let i = assetId.get(a);
      if (i === undefined) {
        i = this.assets.length;
        assetId.set(a, i);
        this.assets.push(a);
      }
      return i;
    };
    // edge key (lo * n + hi) -> market; first market wins if a pair is listed twice.
    const edges = new Map<number, number>();
    const neighbours: number[][] = [];
    const pairs = this.markets.map((m) => [id(m.base), id(m.quote)] as const);
    const n = this.assets.length;
    for (let i = 0; i < n; i++) neighbours.push([]);
    pairs.forEach(([b, q], m) => {
      const key = Math.min(b, q) * n + Math.max(b, q);
      if (b === q || edges.has(key)) return;
      edges.set(key, m);
      neighbours[b]!.push(q);
      neighbours[q]!.push(b);
    });
    const slot = (from: number, to: number): number => {
      const m = edges.get(Math.min(from, to) * n + Math.max(from, to))!;
      return m * 2 + (pairs[m]![0] === from ? 0 : 1);
    };
    const legs: number[] = [];
    for (let a = 0; a < n; a++) {
      const na = neighbours[a]!.filter((x) => x > a).sort((x, y) => x - y);
      for (let i = 0; i < na.length; i++) {
        for (let j = i + 1; j < na.length; j++) {
          const b = na[i]!;
          const c = na[j]!;
          if (!edges.has(b * n + c)) continue;
          legs.push(slot(a, b), slot(b, c), slot(c, a)); // a -> b -> c -> a
          legs.push(slot(a, c), slot(c, b), slot(b, a)); // a -> c -> b -> a
        }
      }
    }
    this.legs = Int32Array.from(legs);
    this.cycleCount = legs.length / 3;
    this.rates = new Float64Array(this.markets.length * 2);
    this.gross = new Float64Array(this.cycleCount);
    this.profitable = new Uint8Array(this.cycleCount);
    const counts = new Int32Array(this.markets.length + 1);
    for (const s of this.legs) counts[(s >> 1) + 1]! += 1;
    for (let m = 0; m < this.markets.length; m++) counts[m + 1]! += counts[m]!;
    this.byMarketStart = counts;
    this.byMarket = new Int32Array(this.legs.length);
    const fill = counts.slice(0, this.markets.length);
    for (let k = 0; k < this.legs.length; k++) this.byMarket[fill[this.legs[k]! >> 1]!++] = (k / 3) | 0;
  }

  /** Sets a market's top of book and re-evaluates only the cycles through it. Returns how many cycles it touched. */
  updateQuote(market: number, bid: number, ask: number): number {
    this.rates[market * 2] = bid > 0 ? bid : 0;
    this.rates[market * 2 + 1] = ask > 0 ? 1 / ask : 0;
    const end = this.byMarketStart[market + 1]!;
    const { legs, rates, gross, profitable, threshold } = this;
    for (let k = this.byMarketStart[market]!; k < end; k++) {
      const c = this.byMarket[k]!;
      const g = rates[legs[c * 3]!]! * rates[legs[c * 3 + 1]!]! * rates[legs[c * 3 + 2]!]!;
      gross[c] = g;
      const now = g > threshold ? 1 : 0;
      this.profitableCount += now - profitable[c]!;
      profitable[c] = now;
    }
    return end - this.byMarketStart[market]!;
  }

  /** Recomputes every cycle from the current rates. */
  evaluateAll(): void {
    const { legs, rates, gross, profitable, threshold } = this;
    let count = 0;
    for (let c = 0; c < this.cycleCount; c++) {
      const g = rates[legs[c * 3]!]! * rates[legs[c * 3 + 1]!]! * rates[legs[c * 3 + 2]!]!;
      gross[c] = g;
      const now = g > threshold ? 1 : 0;
      profitable[c] = now;
      count += now;
    }
    this.profitableCount = count;
  }

  get profitableCycles(): number {
    return this.profitableCount;
  }

  /** Ids of cycles whose gross return beats three taker fees. */
  profitableIds(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.cycleCount; c++) if (this.profitable[c]) out.push(c);
    return out;
  }

  isProfitable(cycle: number): boolean {
    return this.profitable[cycle] === 1;
  }

  cyclesThrough(market: number): Int32Array {
    return this.byMarket.subarray(this.byMarketStart[market]!, this.byMarketStart[market + 1]!);
  }

  cycleLegs(cycle: number): CycleLeg[] {
    const out: CycleLeg[] = [];
    for (let i = 0; i < 3; i++) {
      const s = this.legs[cycle * 3 + i]!;
      const m = this.markets[s >> 1]!;
      const buy = (s & 1) === 1;
      out.push({ market: s >> 1, buy, from: buy ? m.quote : m.base, to: buy ? m.base : m.quote });
    }
    return out;
  }

  /** The currencies visited, starting and ending at the first: ['BTC', 'ETH', 'BNB', 'BTC']. */
  cyclePath(cycle: number): string[] {
    const legs = this.cycleLegs(cycle);
    return [legs[0]!.from, ...legs.map((l) => l.to)];
  }

  marketIndex(): Map<string, number> {
    return new Map(this.markets.map((m, i) => [m.symbol, i]));
  }
}
