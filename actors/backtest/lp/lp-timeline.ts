import type { ActorSystem } from '../../runtime/system.js';
import type { LpExitReason } from '../../strategies/amm-lp/amm-lp.messages.js';
import type { LpVenue } from '../../venues/amm/lp-venue.js';
import type { LpTally } from '../../venues/amm/lp-tally.js';

/** One recorded block, after every actor was done with it: dollars. */
export interface LpTimelineSample {
  ts: number;
  /** The reference pool's price, dollars per ETH. */
  priceUsd: number;
  /** The strategy's P&L so far: realised rounds plus the open position's value and uncollected fees less its deposit and gas. */
  strategyUsd: number;
  passiveUsd: number;
  holdUsd: number;
}

/** One of the strategy's positions over the time it was open. */
export interface LpTimelineRound {
  positionId: string;
  fee: number;
  tickLower: number;
  tickUpper: number;
  openedTs: number;
  openPriceUsd: number;
  /** null: still open when the day ended (a withdrawal that failed). */
  closedTs: number | null;
  closePriceUsd: number | null;
  reason: LpExitReason | null;
}

/** What the LP backtest's HTML report draws: every block's sample (not thinned) and the strategy's rounds. */
export interface LpTimeline {
  /** The tier whose price the samples hold: the lowest (first of the venue's tiers). */
  referenceFee: number;
  samples: LpTimelineSample[];
  rounds: LpTimelineRound[];
}

export interface LpTimelineOptions {
  system: ActorSystem;
  venue: LpVenue;
  tally: LpTally;
  /** The baselines' P&L so far (lp-baselines.ts), null before the first deposit. */
  baselines: { now(): Promise<{ passiveUsd: number; holdUsd: number } | null> };
  /** The backtest's clock: the recorded block being stepped. */
  now: () => number;
}

/**
 * Records the LP backtest's day as it is stepped: the rounds from the `amm.lp.opened`/`amm.lp.closed` messages, and a
 * sample per block when `sample` is called after it. `finish` adds the realised end of the day.
 */
export function lpTimeline(o: LpTimelineOptions) {
  const referenceFee = o.venue.fees[0]!;
  const samples: LpTimelineSample[] = [];
  const rounds = new Map<string, LpTimelineRound>();
  o.system.observe((m) => {
    if (m.type === 'amm.lp.opened') {
      const { positionId, fee, tickLower, tickUpper, openedTs } = m.position;
      rounds.set(positionId, { positionId, fee, tickLower, tickUpper, openedTs, openPriceUsd: o.venue.pool(fee).priceUsd, closedTs: null, closePriceUsd: null, reason: null });
    } else if (m.type === 'amm.lp.closed') {
      const round = rounds.get(m.positionId);
      if (round) Object.assign(round, { closedTs: o.now(), closePriceUsd: o.venue.pool(round.fee).priceUsd, reason: m.reason });
    }
  });
  return {
    async sample(ts: number): Promise<void> {
      let strategyUsd = o.tally.summary().pnlUsd;
      for (const { position, mint } of o.tally.openPositions()) {
        const mark = await o.venue.mark(position.positionId);
        strategyUsd += mark.valueUsd - mint.depositedUsd;
      }
      const base = await o.baselines.now();
      samples.push({ ts, priceUsd: o.venue.pool(referenceFee).priceUsd, strategyUsd, passiveUsd: base?.passiveUsd ?? 0, holdUsd: base?.holdUsd ?? 0 });
    },
    /** The last sample, at the day's realised numbers (the table's), and the timeline. */
    finish(end: Omit<LpTimelineSample, 'priceUsd'>): LpTimeline {
      samples.push({ ...end, priceUsd: o.venue.pool(referenceFee).priceUsd });
      return { referenceFee, samples, rounds: [...rounds.values()] };
    },
  };
}
