import { enqueueActions, setup } from 'xstate';
import type { Message } from '../../runtime/messages.js';
import type { SymbolBar } from '../types.js';

export interface HistoryRecorderInput {
  /** Bar length of the candles this node's feed publishes. */
  timeframeMs: number;
  /** Record only these venues; all when undefined. */
  venues?: readonly string[];
}

type Event = Message<'candle.closed'> | Message<'candles.closed'>;
type Emitted = { type: 'history.candles'; venue: string; timeframeMs: number; bars: readonly SymbolBar[] };

/**
 * The market-history recorder's logic: every closed bar it sees becomes a `history.candles` emission for the host
 * to write. No state beyond its input: bars are buffered and written by the host's writer, not here.
 */
export const historyRecorderMachine = setup({
  types: { input: {} as HistoryRecorderInput, context: {} as HistoryRecorderInput, events: {} as Event, emitted: {} as Emitted },
  actions: {
    record: enqueueActions(({ context, event, enqueue }) => {
      if (context.venues !== undefined && !context.venues.includes(event.venue)) return;
      const bars = event.type === 'candle.closed' ? [{ symbol: event.symbol, candle: event.candle }] : event.bars;
      if (bars.length > 0) enqueue.emit({ type: 'history.candles', venue: event.venue, timeframeMs: context.timeframeMs, bars });
    }),
  },
}).createMachine({
  id: 'market-history',
  context: ({ input }) => input,
  initial: 'recording',
  states: {
    recording: {
      on: { 'candle.closed': { actions: 'record' }, 'candles.closed': { actions: 'record' } },
    },
  },
});
