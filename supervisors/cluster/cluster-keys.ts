import type { Family } from '../../actors/strategies/catalogue/strategy-declaration.js';
import type { Candle, SymbolBar } from '../../actors/market-data/types.js';
import { paperVenueId } from '../candle-family.js';

/** Redis keys of a cluster run (besides the budget's, under cluster.keyPrefix, and the remote venue's streams). */
export const clusterKeys = {
  /** The venue node's market: one entry per recorded bar, then one `end`. */
  market: 'arbiter:cluster:market',
  /** The universe family's market (replay.universe), when the venue node serves it: one entry per step, then one `end`. */
  universe: 'arbiter:cluster:universe',
  /** The fills of a strategy node's resting orders, matched by the venue node on each bar. */
  fills: (node: string) => `arbiter:cluster:fills:${node}`,
  /** Set by a strategy node once it consumes: the venue node starts the market when every node it serves is ready. */
  ready: (node: string) => `arbiter:cluster:ready:${node}`,
  /** Set by a strategy node when it has stopped and cancelled: the venue node may close its accounts. */
  done: (node: string) => `arbiter:cluster:done:${node}`,
};

/** A strategy node's account at the venue node for one family (a candle family, or the universe's): `<paper venue id>@<node>`. */
export function accountVenueId(family: Family, node: string): string {
  return `${paperVenueId(family)}@${node}`;
}

/** One bar on the market stream. */
export type MarketEntry = { kind: 'bar'; symbol: string; timeframeMs: number; candle: Candle } | { kind: 'end'; bars: number };

/** One step of the universe's markets (every market with a bar opening at `ts`) on the universe stream. */
export type UniverseEntry = { kind: 'step'; ts: number; timeframeMs: number; bars: SymbolBar[] } | { kind: 'end'; steps: number };
