import type { LpPosition } from '../../strategies/amm-lp/amm-lp.messages.js';
import type { LpVenue, MintResult } from '../../venues/amm/lp-venue.js';
import { amountsUsd } from '../../venues/amm/position-amounts.js';
import { lpRound } from '../../venues/amm/lp-tally.js';

export interface LpBaselines {
  /** The tokens of the strategy's first deposit, held to the end of the day. */
  hold: { depositedUsd: number; endValueUsd: number; pnlUsd: number } | null;
  /** One position in the first deposit's tier and range, opened with it and never moved, gas included. */
  passive: { fee: number; tickLower: number; tickUpper: number; depositedUsd: number; feesUsd: number; ilUsd: number; gasUsd: number; pnlUsd: number } | null;
}

/**
 * The baselines of an LP backtest, taken on the replay venue beside the strategy: its positions do not join the
 * replayed pools, so a second one changes nothing the strategy sees. Not for a chain venue, where it would.
 */
export function lpBaselines(venue: LpVenue) {
  let pending: Promise<MintResult> | undefined;
  return {
    opened(position: LpPosition): void {
      if (pending) return;
      pending = venue.mint({ fee: position.fee, tickLower: position.tickLower, tickUpper: position.tickUpper, depositUsd: position.units });
    },
    /** The baselines' P&L so far, dollars: passive = its value (uncollected fees included) − deposit − mint gas; null before the first deposit. */
    async now(): Promise<{ passiveUsd: number; holdUsd: number } | null> {
      if (!pending) return null;
      const mint = await pending;
      const mark = await venue.mark(mint.positionId);
      const price = venue.pool(mint.fee).priceUsd;
      const heldUsd = amountsUsd(mint.amount0, mint.amount1, price);
      return { passiveUsd: mark.valueUsd - mint.depositedUsd - mint.gasUsd, holdUsd: heldUsd - mint.depositedUsd };
    },
    async close(): Promise<LpBaselines> {
      if (!pending) return { hold: null, passive: null };
      const mint = await pending;
      const burn = await venue.burn(mint.positionId);
      const price = venue.pool(mint.fee).priceUsd;
      const endValueUsd = amountsUsd(mint.amount0, mint.amount1, price);
      const { fee, tickLower, tickUpper, depositedUsd, feesUsd, ilUsd, gasUsd, pnlUsd } = lpRound(mint, burn, price, 'stop');
      return {
        hold: { depositedUsd, endValueUsd, pnlUsd: endValueUsd - depositedUsd },
        passive: { fee, tickLower, tickUpper, depositedUsd, feesUsd, ilUsd, gasUsd, pnlUsd },
      };
    },
  };
}
