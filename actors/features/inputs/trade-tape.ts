import type { Trade } from '../../market-data/trades/trade.js';

/**
 * Trades in time order and the span the recording covers, [from, to] in ms (inclusive). A bar has trade features only
 * when the span holds all of it: inside, a bar without trades had none; outside, the recording cannot say.
 */
export interface TradeTape {
  from: number;
  to: number;
  trades: readonly Trade[];
}

/** The tape of a whole recording: from its first trade to its last. */
export function tradeTape(trades: readonly Trade[]): TradeTape {
  return { from: trades[0]?.ts ?? 0, to: trades[trades.length - 1]?.ts ?? -1, trades };
}
