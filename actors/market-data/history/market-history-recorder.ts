import type { ActorSpec } from '../../runtime/actor-spec.js';
import { InputError } from '../../runtime/errors.js';
import type { SymbolBar } from '../types.js';
import { historyRecorderMachine } from './history-recorder.machine.js';
import type { MarketHistoryWriter } from './market-history-writer.js';

export interface MarketHistoryRecorderOptions {
  /** Buffers and writes the rows (openMarketHistoryWriter); whoever made it closes it after the system stops. */
  writer: MarketHistoryWriter;
  /** Bar length of the candles the node's feed publishes (the candles carry no bar length of their own). */
  timeframeMs: number;
  /**
   * The message bars arrive in: `candle.closed` (live sessions, one per bar) or `candles.closed` (the replay's
   * trading host, one per step, which also sends each strategy its `candle.closed` by name: taking both would see
   * every bar twice). Default `candle.closed`.
   */
  feed?: 'candle.closed' | 'candles.closed';
  /** Record only these venues' bars; default every venue's. */
  venues?: readonly string[];
  /** Actor name; default `market-history`. */
  name?: string;
}

/**
 * The recorder actor: every closed bar on the bus goes to PostgreSQL (market_candles) through `writer`, batched,
 * idempotent, off the order path. Not persisted: it holds nothing a restart would need (unwritten rows are the
 * writer's, outside the actor).
 */
export function marketHistoryRecorder(options: MarketHistoryRecorderOptions): ActorSpec {
  const { writer, timeframeMs } = options;
  if (!Number.isInteger(timeframeMs) || timeframeMs <= 0) throw new InputError(`timeframeMs: expected a whole number of ms > 0, got ${timeframeMs}`);
  return {
    name: options.name ?? 'market-history',
    machine: historyRecorderMachine,
    input: { timeframeMs, ...(options.venues ? { venues: options.venues } : {}) },
    subscribe: [options.feed ?? 'candle.closed'],
    persist: false,
    effects: {
      'history.candles': (event) => {
        const { venue, bars } = event as unknown as { venue: string; bars: readonly SymbolBar[] };
        writer.addCandles(bars.map((b) => ({ venue, symbol: b.symbol, timeframeMs, candle: b.candle })));
      },
    },
  };
}
