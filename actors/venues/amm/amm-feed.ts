import type { ActorSystem } from '../../runtime/system.js';
import type { SimulatedClock } from '../../runtime/clock.js';
import type { AmmObserver } from '../../market-data/amm/amm-observer.js';
import { lpSymbol } from '../../strategies/amm-lp/lp-terms.js';
import type { AmmMarket, LpVenue, MarketStep } from './lp-venue.js';
import type { LpTally } from './lp-tally.js';

export interface AmmFeedOptions {
  market: AmmMarket;
  venue: LpVenue;
  observer: AmmObserver;
  tally: LpTally;
  system: ActorSystem;
  /** A backtest's clock, set to each recorded block's time; a paper session's clock is its own. */
  clock?: SimulatedClock;
}

/**
 * The LP venue's market connection: it reports each tier's instrument live (the feed watches its own market, so
 * risk judges freshness by it, not by a book's age on a clock the recorded day does not share), then per recorded
 * block publishes each instrument's book at the open position's value per unit (1 with none: a new unit is worth its
 * deposit) and `amm.observed`, and waits until every actor is done with them.
 */
export class AmmFeed {
  private live = false;

  constructor(private readonly o: AmmFeedOptions) {}

  async step(): Promise<MarketStep | undefined> {
    const { market, venue, observer, system, clock } = this.o;
    const step = await market.next();
    if (!step) return undefined;
    if (clock && step.ts > clock.now()) clock.set(step.ts);
    if (!this.live) {
      for (const fee of venue.fees) system.publish({ type: 'market.live', venue: venue.id, symbol: lpSymbol(fee) });
      this.live = true;
    }
    const marks = new Map<number, number>();
    for (const { position } of this.o.tally.openPositions()) {
      const mark = await venue.mark(position.positionId);
      marks.set(position.fee, mark.valueUsd / position.units);
    }
    const now = clock?.now() ?? step.ts;
    for (const fee of venue.fees) {
      const mid = marks.get(fee) ?? 1;
      system.publish({ type: 'book.updated', book: { venue: venue.id, symbol: lpSymbol(fee), ts: now, bids: [[mid, 1e12]], asks: [[mid, 1e12]] } });
    }
    system.publish({ type: 'amm.observed', ...observer.see(step) });
    await system.whenQuiescent();
    return step;
  }
}
