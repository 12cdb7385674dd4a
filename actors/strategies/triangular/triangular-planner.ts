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
  /** Largest notional per leg, by the leg's quote currency (e.g. { USDT: 5000, BTC: 0.5 }): stays inside risk's per-order cap. */
  maxNotional?: Record<string, number>;
  /**
   * Each leg's limit is set this fraction beyond the worst level sized on (on the tick grid), so a
   * book that moved a little since it was seen still fills the leg; cycles whose net return does not
   * cover three times this are skipped. Default 0.
   */
  slippage?: number;
}

function onTick(price: number, tick: number | undefined, up: boolean): number {
  if (!tick || !(tick > 0)) return price;
  const decimals = Math.max(0, -Math.floor(Math.log10(tick) + 1e-9));
  const steps = price / tick;
  return Number(((up ? Math.ceil(steps - 1e-9) : Math.floor(steps + 1e-9)) * tick).toFixed(decimals));
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
      let d = scanner.describe(id);
      const scale = Math.min(1, ...d.legs.map((l) => {
        const cap = o.maxNotional?.[o.markets.find((x) => x.symbol === l.symbol)!.quote];
        return cap !== undefined && l.notional > 0 ? cap / l.notional : 1;
      }));
      if (scale < 1) d = scanner.describe(id, d.maxSize * scale);
      if (d.executable !== true || d.netPct / 100 - 3 * (o.slippage ?? 0) < o.minNetReturn) continue;
      if (!best || d.netPct > best.netPct) best = d;
    }
    if (!best) return undefined;
    return {
      groupId: `${o.strategy}-${seq}`,
      expectedProfit: best.netPct / 100,
      legs: best.legs.map((l) => {
        const m = o.markets.find((x) => x.symbol === l.symbol)!;
        const s = o.slippage ?? 0;
        const price = onTick(l.limitPrice * (l.side === 'buy' ? 1 + s : 1 - s), m.rules?.tickSize, l.side === 'buy');
        return { venue: o.venue, symbol: `${m.base}/${m.quote}`, side: l.side, amount: l.amount, price };
      }),
    };
  };
}
