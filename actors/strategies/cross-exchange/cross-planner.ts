import type { OrderBook } from '../../market-data/types.js';
import type { LegPlan, LegPlanner } from '../../../machines/leg-risk.machine.js';
import { crossOpportunities } from './cross-arbitrage.js';
import { floorToStep } from '../../market-data/precision.js';

export interface CrossPlannerOptions {
  strategy: string;
  /** ccxt symbol traded on every venue. */
  symbol: string;
  /** Venue id → taker fee. */
  venues: Record<string, number>;
  /** Smallest net profit to act on, in quote currency. */
  minNetProfit: number;
  /** Largest base amount per trade (the pre-funded inventory bounds it). */
  maxAmount: number;
  /** Base step of the market, to round the size down. */
  stepSize?: number;
}

/** Keeps the latest book of the pair per venue; a crossing worth more than minNetProfit becomes a buy leg and a sell leg. */
export function crossPlanner(o: CrossPlannerOptions): LegPlanner {
  const books = new Map<string, OrderBook>();
  return (book: OrderBook, seq: number): LegPlan | undefined => {
    if (book.symbol !== o.symbol || o.venues[book.venue] === undefined) return undefined;
    books.set(book.venue, book);
    if (books.size < 2) return undefined;
    const found = crossOpportunities([...books.values()].map((b) => ({ venue: b.venue, bids: b.bids, asks: b.asks, takerFee: o.venues[b.venue]! })), o.stepSize ?? 0);
    const best = found[0];
    if (!best || best.netProfit < o.minNetProfit) return undefined;
    const scale = Math.min(1, o.maxAmount / best.size);
    const step = o.stepSize ?? 0;
    const amount = floorToStep(best.size * scale, step);
    if (!(amount > 0) || best.netProfit * scale < o.minNetProfit) return undefined;
    return {
      groupId: `${o.strategy}-${seq}`,
      expectedProfit: best.netProfit / (best.size * best.buyVwap),
      legs: [
        { venue: best.buyVenue, symbol: o.symbol, side: 'buy', amount, price: best.buyLimit },
        { venue: best.sellVenue, symbol: o.symbol, side: 'sell', amount, price: best.sellLimit },
      ],
    };
  };
}
