import { InputError } from '../../runtime/errors.js';
import { feeTierOfFile } from '../../amm/v3/fee-tier.js';
import { readPoolEvents } from '../../amm/v3/pool-events.js';
import { EventReplay } from '../../amm/v3/replay-events.js';
import type { V3Pool } from '../../amm/v3/v3-pool.js';
import type { AmmMarket, LpVenue } from './lp-venue.js';
import { ReplayLpVenue } from './replay-lp-venue.js';
import { ReplayMarket } from './replay-market.js';

/**
 * The backtest's AMM: the recorded days of USDC/WETH pools (one event file per fee tier, the tier from the file's
 * name) replayed block by block with our exact V3 maths, and an LP venue on those pools whose positions earn the
 * replayed swaps' fees. The venue's pools move as `market.next()` steps.
 */
export function replayAmm(files: readonly string[], options: { gasPriceGwei: number; id?: string }): { market: AmmMarket; venue: LpVenue } {
  if (files.length === 0) throw new InputError('replayAmm: no event files');
  const byFee = new Map<number, string>();
  const tiers = files.map((file) => {
    const tier = feeTierOfFile(file);
    const other = byFee.get(tier.fee);
    if (other !== undefined) throw new InputError(`${file}: fee tier ${tier.fee} already comes from ${other}; give one file per tier`);
    byFee.set(tier.fee, file);
    return tier;
  });
  const events = files.map((file) => readPoolEvents(file));
  const replays = events.map((e, i) => new EventReplay(e, tiers[i]!));
  const pools = new Map<number, V3Pool>(replays.map((r) => [r.pool.fee, r.pool]));
  const venue = new ReplayLpVenue(options.id ?? 'amm:replay', pools, options.gasPriceGwei, () => market.last);
  const market = new ReplayMarket(replays, (fee, before, pool) => venue.accrue(fee, before, pool), events);
  return { market, venue };
}
